import Content
import Foundation
import Hummingbird
import Logging
import Site

/// `explainer serve`: builds the site into a preview folder, serves it, and rebuilds on change.
///
/// The preview never touches `public/`. Each rebuild goes through the normal builder (staged and
/// swapped in whole), so a browser never sees half a site; open tabs reload only after the swap.
/// A failed rebuild keeps the last good site and shows the errors in the terminal and the browser.
public struct PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var siteDirectory: String
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        public var themeName: String?
        public var includeDrafts: Bool

        public init(siteDirectory: String = ".", host: String = "127.0.0.1", port: Int = 8000, themeName: String? = nil, includeDrafts: Bool = true) {
            self.siteDirectory = siteDirectory
            self.host = host
            self.port = port
            self.themeName = themeName
            self.includeDrafts = includeDrafts
        }
    }

    public let configuration: Configuration
    public let broadcaster = ReloadBroadcaster()
    /// Where the preview site is written: `.preview/site/` in the site folder (never `public/`).
    public var previewFolder: String {
        URL(fileURLWithPath: configuration.siteDirectory).appendingPathComponent(".preview/site").path
    }

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Builds, then serves until cancelled. `onReady` gets the URL once the socket is listening.
    public func run(onReady: @escaping @Sendable (String) -> Void = { Self.say("Serving the preview at \($0) — Ctrl-C stops it.") },
                    log: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) async throws {
        try FileManager.default.createDirectory(atPath: previewFolder, withIntermediateDirectories: true)
        let logger = PreviewRouter.quietLogger
        let router = PreviewRouter.make(folder: previewFolder, broadcaster: broadcaster, logger: logger)
        let host = configuration.host
        let (urlStream, urlContinuation) = AsyncStream<String>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "explainer"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") ? "[\(host)]" : host
                urlContinuation.yield("http://\(shownHost):\(port)/")
                urlContinuation.finish()
            },
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                var iterator = urlStream.makeAsyncIterator()
                guard let url = await iterator.next() else { return }
                _ = await rebuild(baseURL: url, reason: "first build", log: log)
                onReady(url)
                for await changed in SiteWatcher(siteDirectory: configuration.siteDirectory).changes() {
                    let names = changed.prefix(3).map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
                    _ = await rebuild(baseURL: url, reason: "changed: \(names)\(changed.count > 3 ? ", …" : "")", log: log)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Builds the preview site once and tells the browsers; returns whether it succeeded.
    @discardableResult
    public func rebuild(baseURL: String, reason: String, log: @Sendable (String) -> Void) async -> Bool {
        var options = BuildOptions(
            sourceDirectory: configuration.siteDirectory, outputDirectory: previewFolder,
            themeName: configuration.themeName, includeDrafts: configuration.includeDrafts, includeFuture: true)
        options.baseURL = baseURL
        options.liveReloadScript = Self.liveReloadScript
        do {
            let report = try await SiteBuilder(options: options).build()
            log("Rebuilt (\(reason)): \(report.articleCount) explainers.")
            await broadcaster.publish(.reload(build: report.pagesWritten))
            return true
        } catch {
            let problems: [String]
            if let list = error as? DiagnosticList {
                problems = list.diagnostics.map(\.description)
            } else if let diagnostic = error as? Diagnostic {
                problems = [diagnostic.description]
            } else {
                problems = ["\(error)"]
            }
            log("Build failed (\(reason)):\n" + problems.joined(separator: "\n"))
            await broadcaster.publish(.failure(problems))
            return false
        }
    }

    /// Prints a line to standard output at once (stdout is block-buffered when redirected).
    public static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The script injected into every preview page.
    public static let liveReloadScript: String = {
        guard let url = Bundle.module.url(forResource: "live-reload", withExtension: "js"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }()
}
