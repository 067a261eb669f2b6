/// What a template sees when it renders a page.
///
/// Templates read these fields by name (`{{page.title}}`, `{{#explainer.questions}}`). Every
/// `url` is relative to the site root and is written after `{{root}}`, which leads from the
/// page back to the root (`../` on `/slug/`, the base URL's path on `404.html`), so links work
/// at a domain's root, under a path, and from files opened directly. Fields holding HTML end in
/// `HTML` and are the only ones written with `{{{ }}}`; everything else is escaped by Mustache.
struct PageContext {
    var site: SiteView
    var page: PageView
    /// From this page to the site root: `""`, `../`, `../../` or, on `404.html`, the base path.
    var root: String
    /// Asset key (`style_css`) → path of the hashed file (`assets/style.3f9a1c0b.css`).
    var assets: [String: String]
    var explainer: ExplainerView?
    var related: [ExplainerCardView] = []
    var explainers: [ExplainerCardView] = []
    var tag: TagView?
    var tags: [TagView] = []
    var years: [ArchiveYearView] = []
}

struct SiteView {
    var title: String
    var description: String
    var language: String
    /// `en_US`-style, for `og:locale`.
    var ogLocale: String
    var baseURL: String
}

struct PageView {
    /// `home`, `explainer`, `tag`, `tags`, `archive`, `search` or `404`.
    var kind: String
    /// `is.home`, `is.tags`… true for this page's kind only, for `aria-current` in navigation.
    var `is`: [String: Bool]
    /// The page's own title (the headline on an explainer).
    var title: String
    /// What goes in `<title>`: the page title and the site's, or the site's alone on the home page.
    var documentTitle: String
    var description: String
    var canonicalURL: String
    /// `article` on explainers, `website` elsewhere.
    var ogType: String
    /// Script-safe JSON-LD, written with `{{{page.jsonLD}}}`.
    var jsonLD: String
    var publishedTime: String?
    var feedURL: String
}

struct DateView: Sendable, Hashable {
    /// `2024-06-19`, for `<time datetime>`.
    var iso: String
    /// In the site's language: `June 19, 2024`.
    var display: String
}

struct TagView {
    var name: String
    var slug: String
    var url: String
    var count: Int
    /// `1 explainer` / `3 explainers`.
    var countLabel: String
}

struct QuestionView {
    var number: Int
    var question: String
    var anchor: String
    /// The answer's HTML, written with `{{{answerHTML}}}`.
    var answerHTML: String
    var section: String?
    /// Page-relative link to the question: `slug/#anchor`.
    var url: String
    var isFirst: Bool
}

struct ExplainerView {
    var title: String
    /// Whether the headline is long (over 80 characters), so themes can set it smaller.
    var titleIsLong: Bool
    var slug: String
    var url: String
    var jsonURL: String
    var summary: String
    var date: DateView?
    var author: String?
    var tags: [TagView]
    var hasTags: Bool
    var questions: [QuestionView]
    var questionCount: Int
    /// `1 question answered`, `5 questions answered`.
    var questionCountLabel: String
    /// The content file the answers come from, relative to the site folder.
    var sourceFile: String
}

struct ExplainerCardView {
    var title: String
    var url: String
    var summary: String
    var date: DateView?
    var tags: [TagView]
    var hasTags: Bool
    var topQuestions: [QuestionView]
    var hasTopQuestions: Bool
    /// `3 more questions`, or nil when all are shown.
    var moreQuestions: String?
    var questionCount: Int
}

struct ArchiveYearView {
    /// The year, or nil for undated explainers.
    var year: String?
    var explainers: [ExplainerCardView]
}
