import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 client over a real loopback socket, for tests that need the live server:
/// raw request paths (no client-side normalisation of `..`) and reading an endless event stream.
///
/// Its socket calls block, so every public method runs them on a Dispatch thread, never on
/// Swift concurrency's small cooperative pool (which the server under test needs).
struct LoopbackHTTPClient: Sendable {
    /// Runs blocking work off the cooperative thread pool.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    func request(_ path: String, method: String = "GET") async throws -> (status: Int, body: String) {
        try await Self.offPool { try blockingRequest(path, method: method) }
    }

    let port: UInt16

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `GET path` (or another method) and returns the status code and the body.
    func blockingRequest(_ path: String, method: String = "GET") throws -> (status: Int, body: String) {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let statusLine = text.split(separator: "\r\n").first, statusLine.split(separator: " ").count >= 2,
            let status = Int(statusLine.split(separator: " ")[1])
        else { throw Failure(description: "no HTTP status line in \(text.prefix(200))") }
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    /// Opens `path` as an event stream and returns a reader of what arrives.
    func openStream(_ path: String) throws -> StreamReader {
        let socket = try connect()
        try send(socket, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        return StreamReader(socket: socket)
    }

    /// Reads from an open connection until a marker appears or the deadline passes.
    final class StreamReader: @unchecked Sendable {  // used by one test at a time, from one thread at a time
        let socket: Int32
        private(set) var received = ""

        init(socket: Int32) { self.socket = socket }
        deinit { close(socket) }

        /// Waits (up to `seconds`) until `marker` has arrived; returns whether it did.
        func waitFor(_ marker: String, seconds: Double) async -> Bool {
            (try? await LoopbackHTTPClient.offPool { self.blockingWaitFor(marker, seconds: seconds) }) ?? false
        }

        func blockingWaitFor(_ marker: String, seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !received.contains(marker) && Date() < deadline {
                var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 200) > 0 else { continue }
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { return received.contains(marker) }
                received += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            return received.contains(marker)
        }
    }

    private func connect() throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        return socket
    }

    private func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, 0) == bytes.count else { throw Failure(description: "send() failed") }
    }
}
