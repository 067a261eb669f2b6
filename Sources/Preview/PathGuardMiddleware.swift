import Foundation
import HTTPTypes
import Hummingbird

/// Lets only safe reads of files inside the preview folder through to the file server.
///
/// Methods other than GET and HEAD get 405. Paths with backslashes, NUL bytes, encoded slashes
/// or `..` segments get 400. A path whose real location (after following symbolic links) is
/// outside the folder gets 404, as if it did not exist.
struct PathGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    let rootFolder: String

    init(rootFolder: String) {
        self.rootFolder = URL(fileURLWithPath: rootFolder).resolvingSymlinksInPath().path
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Response(status: .methodNotAllowed, headers: headers)
        }
        let raw = request.uri.path
        let lowered = raw.lowercased()
        guard raw.hasPrefix("/"), !raw.contains("\\"), !lowered.contains("%2f"), !lowered.contains("%5c"),
            !lowered.contains("%00"), let decoded = raw.removingPercentEncoding, !decoded.contains("\0"),
            !decoded.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
        else {
            return Response(status: .badRequest)
        }
        if !isInsideRoot(decoded) {
            throw HTTPError(.notFound)
        }
        return try await next(request, context)
    }

    /// False when the path exists but its real location is outside the root folder.
    private func isInsideRoot(_ path: String) -> Bool {
        let candidate = URL(fileURLWithPath: rootFolder + path)
        guard FileManager.default.fileExists(atPath: candidate.path) else { return true }
        let resolved = candidate.resolvingSymlinksInPath().path
        return resolved == rootFolder || resolved.hasPrefix(rootFolder + "/")
    }
}
