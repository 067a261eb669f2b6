import Content
import Foundation
import Mustache

/// A theme merged with its parents: the templates to render pages with and the assets to copy.
public struct ResolvedTheme: Sendable {
    /// The theme first, then its parent, and so on.
    public var chain: [Theme]
    /// Every template of the chain, parsed, under its name (the child's wins).
    public var library: MustacheLibrary
    /// Template name → the file it was read from.
    public var templateFiles: [String: String]
    /// Asset path relative to `assets/` → the file it is read from (the child's wins).
    public var assetFiles: [String: String]
    /// Whether pages may be made from skeletons (`PageSkeleton.isApplicable(to:)`).
    var allowsSkeletons = false

    public var name: String { chain[0].name }

    /// The key a template uses for an asset: its path with every character other than a letter or
    /// digit turned into `_` (`style.css` → `assets.style_css`), as Mustache names cannot hold
    /// dots or slashes.
    public static func assetKey(_ relativePath: String) -> String {
        String(relativePath.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    /// Renders the template `name` with `context`; nil when the theme has no such template.
    func render(_ name: String, context: Any) -> String? {
        library.render(context, withTemplate: name)
    }
}
