import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Preview

/// The preview's static serving, through Hummingbird's router test client (no sockets).
@Suite("PreviewRouter")
struct PreviewRouterTests {
    /// A preview folder with a page, a stylesheet, a 404 page, and a link pointing outside it.
    struct Fixture {
        let root: URL
        let outside: URL

        init() throws {
            let base = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
            root = base.appendingPathComponent("site")
            outside = base.appendingPathComponent("secret")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("story"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try "<!doctype html><title>Home</title>".write(to: root.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
            try "<!doctype html><title>Story</title>".write(to: root.appendingPathComponent("story/index.html"), atomically: true, encoding: .utf8)
            try "body{color:red}".write(to: root.appendingPathComponent("style.css"), atomically: true, encoding: .utf8)
            try "<!doctype html><title>Lost</title><h1>Not here</h1>".write(to: root.appendingPathComponent("404.html"), atomically: true, encoding: .utf8)
            try "top secret".write(to: outside.appendingPathComponent("passwords.txt"), atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("escape"), withDestinationURL: outside)
            try FileManager.default.createSymbolicLink(
                at: root.appendingPathComponent("leak.txt"), withDestinationURL: outside.appendingPathComponent("passwords.txt"))
        }

        func remove() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

        func application(_ broadcaster: ReloadBroadcaster = ReloadBroadcaster()) -> some ApplicationProtocol {
            Application(router: PreviewRouter.make(folder: root.path, broadcaster: broadcaster))
        }
    }

    @Test("a folder serves its index.html with an HTML type and no-cache")
    func folderServesIndex() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/story/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "<!doctype html><title>Story</title>")
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.headers[.cacheControl] == "no-cache")
                #expect(response.headers[.eTag] != nil)
            }
            try await client.execute(uri: "/style.css", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
            }
        }
    }

    @Test("HEAD answers with headers and no body")
    func headHasNoBody() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/style.css", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLength] == "15")
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test("a missing page gets the theme's 404 page with status 404")
    func missingPageGets404Page() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/no/such/page/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("<h1>Not here</h1>"))
            }
        }
    }

    @Test("methods other than GET and HEAD get 405", arguments: [HTTPRequest.Method.post, .put, .delete, .patch, .options])
    func otherMethodsAreRefused(method: HTTPRequest.Method) async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/index.html", method: method) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test("paths that try to leave the folder get 400 or 404 and never the file", arguments: [
        "/../secret/passwords.txt", "/%2e%2e/secret/passwords.txt", "/story/%2E%2E/%2e%2e/secret/passwords.txt",
        "/..%2fsecret%2fpasswords.txt", "/..%5csecret%5cpasswords.txt", "/story\\..\\..\\secret\\passwords.txt",
        "/index.html%00.css", "/escape/passwords.txt", "/leak.txt", "//etc/passwd", "/./index.html",
    ])
    func pathEscapesAreRefused(path: String) async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .badRequest || response.status == .notFound, "\(path) → \(response.status)")
                #expect(!String(buffer: response.body).contains("top secret"))
            }
        }
    }

    @Test("the event stream sends the events the broadcaster publishes")
    func eventStreamCarriesReloads() async throws {
        let events = ReloadBroadcaster()
        await events.publish(.failure(["content/a.md:3:7: error: `date` must be a date </script>"]))
        let event = ReloadBroadcaster.Event.failure(["content/a.md:3:7: error: `date` must be a date </script>"])
        #expect(event.wireFormat == "event: failure\ndata: [\"content/a.md:3:7: error: `date` must be a date \\u003c/script>\"]\n\n")
        #expect(ReloadBroadcaster.Event.reload(build: 4).wireFormat == "event: reload\ndata: 4\n\n")
        // A late subscriber hears the current failure first, then later events.
        let stream = await events.subscribe()
        await events.publish(.reload(build: 2))
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == event)
        #expect(await iterator.next() == .reload(build: 2))
        #expect(await events.subscriberCount == 1)
    }
}
