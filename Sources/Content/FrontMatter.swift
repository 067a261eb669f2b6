import Foundation

/// The metadata an editor can set at the top of a `.md` article, between `---` lines.
public struct FrontMatter: Sendable, Hashable {
    public var title: String?
    public var date: Date?
    public var author: String?
    public var tags: [String] = []
    public var summary: String?
    public var slug: String?
    /// The file line of `slug:`, for messages about a bad slug.
    public var slugLine: Int = 1
    public var draft: Bool = false
    public var questions: [String] = []

    public init() {}
}
