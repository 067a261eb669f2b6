/// Tells every open browser tab about finished rebuilds, as Server-Sent Events.
///
/// Each `/__explainer/events` connection subscribes and gets an `AsyncStream`; a client that
/// disconnects ends its stream, which removes it. A new subscriber first hears the current state
/// (so a tab opened after a failed build sees the error overlay at once).
public actor ReloadBroadcaster {
    public enum Event: Sendable, Equatable {
        /// A rebuild finished; the number counts successful builds.
        case reload(build: Int)
        /// A rebuild failed with these problems (`file:line:column: message` lines).
        case failure([String])

        /// The event in the `text/event-stream` wire format.
        public var wireFormat: String {
            switch self {
            case .reload(let build):
                return "event: reload\ndata: \(build)\n\n"
            case .failure(let problems):
                return "event: failure\ndata: \(Self.jsonArray(problems))\n\n"
            }
        }

        static func jsonArray(_ strings: [String]) -> String {
            var json = "["
            for (index, string) in strings.enumerated() {
                if index > 0 { json += "," }
                json += "\""
                for scalar in string.unicodeScalars {
                    switch scalar {
                    case "\"": json += "\\\""
                    case "\\": json += "\\\\"
                    case "<": json += "\\u003c"
                    default:
                        if scalar.value < 0x20 {
                            let hex = String(scalar.value, radix: 16)
                            json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        } else {
                            json.unicodeScalars.append(scalar)
                        }
                    }
                }
                json += "\""
            }
            return json + "]"
        }
    }

    private var subscribers: [Int: AsyncStream<Event>.Continuation] = [:]
    private var nextID = 0
    private var lastFailure: [String]?

    public init() {}

    /// The number of connected clients.
    public var subscriberCount: Int { subscribers.count }

    public func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in
            Task { await self.unsubscribe(id) }
        }
        if let lastFailure { continuation.yield(.failure(lastFailure)) }
        return stream
    }

    public func publish(_ event: Event) {
        switch event {
        case .failure(let problems): lastFailure = problems
        case .reload: lastFailure = nil
        }
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every stream (at shutdown).
    public func finishAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }
}
