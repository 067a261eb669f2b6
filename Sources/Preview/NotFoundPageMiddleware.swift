import Content
import Foundation
import HTTPTypes
import Hummingbird

/// Answers "not found" with the theme's own `404.html`, status 404.
struct NotFoundPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let rootFolder: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            guard response.status == .notFound else { return response }
        } catch let error as any HTTPResponseError where error.status == .notFound {
            // fall through to the 404 page
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        let page = (try? FileContents.data(atPath: rootFolder + "/404.html", mapped: false)) ?? Data("<!doctype html><title>Not found</title><h1>Not found</h1>".utf8)
        let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: page))
        headers[.contentLength] = String(page.count)
        return Response(status: .notFound, headers: headers, body: body)
    }
}
