import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The preview's routes: the live-reload event stream and the preview folder's files.
public enum PreviewRouter {
    /// The path of the Server-Sent Events stream the live-reload script listens to.
    public static let eventsPath = "/__explainer/events"

    /// A router serving `folder` safely, with `broadcaster`'s events at `eventsPath`.
    public static func make(folder: String, broadcaster: ReloadBroadcaster, logger: Logger = Self.quietLogger) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: PathGuardMiddleware(rootFolder: folder))
        router.add(middleware: NotFoundPageMiddleware(rootFolder: folder))
        router.add(middleware: FileMiddleware(
            folder, cacheControl: CacheControl([(MediaType(type: .any), [.noCache])]), searchForIndexHtml: true, logger: logger))
        router.get(RouterPath(eventsPath)) { _, _ -> Response in
            let events = await broadcaster.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                for await event in events {
                    try await writer.write(ByteBuffer(string: event.wireFormat))
                }
                try await writer.finish(nil)
            })
        }
        return router
    }

    /// A logger that keeps the file server's start-up chatter out of the terminal.
    public static var quietLogger: Logger {
        var logger = Logger(label: "explainer.preview")
        logger.logLevel = .warning
        return logger
    }
}
