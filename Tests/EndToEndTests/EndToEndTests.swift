import Content
import Foundation
import Testing

import ArgumentParser
import ExplainerEngine

@testable import ExplainerCLICore

/// The product as a user drives it: the `explainer` commands on the repository's own content.
@Suite("End to end", .serialized)
struct EndToEndTests {
    /// The repository root (the folder holding Package.swift).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(_ arguments: [String]) async throws {
        var command = try ExplainerCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("explainer build writes the home page and the sample's page with its questions and answers")
    func buildWritesTheSampleSite() async throws {
        let output = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let site = output.appendingPathComponent("public")
        try await run(["build", "--source", Self.repository.path, "--output", site.path])

        let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.hasPrefix("<!DOCTYPE html>") || home.hasPrefix("<!doctype html>"))
        #expect(home.contains("putin-kim-gifts/"))

        let page = try String(contentsOf: site.appendingPathComponent("putin-kim-gifts/index.html"), encoding: .utf8)
        #expect(page.contains("Putin Gifts Car Fanatic Kim Jong-un Fancy Limousine"))
        let article = try ArticleLoader().load(fileAt: Self.repository.appendingPathComponent("content/putin-kim-gifts.txt").path)
        let explainer = ExplainerGenerator().explain(article)
        #expect(!explainer.questions.isEmpty)
        for item in explainer.questions {
            #expect(page.contains(HTML.escape(item.question)), "missing question: \(item.question)")
        }
        #expect(page.contains("dagger"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("putin-kim-gifts/index.json").path))
    }

    @Test("explain --format json prints title, slug, summary and questions with question, answer and section")
    func explainPrintsTheJSONShape() throws {
        let article = try ArticleLoader().load(fileAt: Self.repository.appendingPathComponent("content/putin-kim-gifts.txt").path)
        let json = try ExplainerWriter.json(ExplainerGenerator().explain(article))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["title"] as? String == article.title)
        #expect(object["slug"] as? String == "putin-kim-gifts")
        #expect((object["summary"] as? String)?.isEmpty == false)
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(!questions.isEmpty)
        for item in questions {
            #expect((item["question"] as? String)?.hasSuffix("?") == true)
            #expect((item["answer"] as? String)?.isEmpty == false)
            #expect(item.keys.contains("section"))
        }
        #expect(questions.contains { ($0["question"] as? String)?.hasPrefix("What did Putin gift") == true })
    }

    @Test("a failed build exits non-zero and leaves the previous site byte for byte")
    func failedBuildKeepsThePreviousSite() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("Themes"), withDestinationURL: Self.repository.appendingPathComponent("Themes"))
        try "title: Test Site\nbase_url: https://example.org/\n".write(to: folder.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "Ferry Cancelled\n\nThe ferry was cancelled on Friday because of high winds.".write(
            to: folder.appendingPathComponent("content/ferry.txt"), atomically: true, encoding: .utf8)
        try await run(["build", "--source", folder.path])
        let home = folder.appendingPathComponent("public/index.html")
        let before = try Data(contentsOf: home)

        try "---\ndate: yesterday\n---\nText".write(to: folder.appendingPathComponent("content/bad.md"), atomically: true, encoding: .utf8)
        await #expect(throws: CommandFailure.self) { try await run(["build", "--source", folder.path]) }
        do {
            try await run(["build", "--source", folder.path])
        } catch let failure as CommandFailure {
            #expect(failure.description.contains("content/bad.md:2:7: error: `date` must be a date"))
        }
        #expect(try Data(contentsOf: home) == before)
    }

    @Test("every subcommand has help text")
    func everySubcommandHasHelp() {
        for subcommand in ExplainerCommand.configuration.subcommands {
            #expect(!subcommand.configuration.abstract.isEmpty)
            #expect(subcommand.helpMessage().contains("USAGE:"))
        }
    }
}

/// The escaping the themes use for text, to find a question as it appears in HTML.
enum HTML {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
