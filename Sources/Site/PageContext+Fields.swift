// Every field of every view, in one place, for `PageSkeleton`: the same names and values the
// `MustacheParent` lookups in `PageContext+Mustache.swift` answer with (a test checks that the
// two agree).

/// A view whose fields can be walked in a fixed order.
protocol TemplateFields {
    func visitFields(_ visitor: inout some TemplateFieldVisitor)
}

/// What a walk over a view's fields sees, by kind of value.
protocol TemplateFieldVisitor {
    /// A string; nil is a missing optional (templates see no such field).
    mutating func text(_ name: String, _ value: String?)
    mutating func number(_ name: String, _ value: Int)
    mutating func flag(_ name: String, _ value: Bool)
    mutating func flags(_ name: String, _ value: [String: Bool])
    mutating func textTable(_ name: String, _ value: [String: String])
    mutating func view<View: TemplateFields>(_ name: String, _ value: View?)
    mutating func views<View: TemplateFields>(_ name: String, _ values: [View])
}

extension PageContext: TemplateFields {
    func visitFields(_ visitor: inout some TemplateFieldVisitor) {
        visitor.view("site", site)
        visitor.view("page", page)
        visitor.text("root", root)
        visitor.textTable("assets", assets)
        visitor.view("explainer", explainer)
        visitor.views("related", related)
        visitor.views("explainers", explainers)
        visitor.view("tag", tag)
        visitor.views("tags", tags)
        visitor.views("years", years)
    }
}

extension SiteView: TemplateFields {
    func visitFields(_ visitor: inout some TemplateFieldVisitor) {
        visitor.text("title", title)
        visitor.text("description", description)
        visitor.text("language", language)
        visitor.text("ogLocale", ogLocale)
        visitor.text("baseURL", baseURL)
    }
}

extension PageView: TemplateFields {
    func visitFields(_ visitor: inout some TemplateFieldVisitor) {
        visitor.text("kind", kind)
        visitor.flags("is", `is`)
        visitor.text("title", title)
        visitor.text("documentTitle", documentTitle)
        visitor.text("description", description)
        visitor.text("canonicalURL", canonicalURL)
        visitor.text("ogType", ogType)
        visitor.text("jsonLD", jsonLD)
        visitor.text("publishedTime", publishedTime)
        visitor.text("feedURL", feedURL)
    }
}

extension DateView: TemplateFields {
    func visitFields(_ visitor: inout some TemplateFieldVisitor) {
        visitor.text("iso", iso)
        visitor.text("display", display)
    }
}

extension TagView: TemplateFields {
    func visitFields(_ visitor: inout some TemplateFieldVisitor) {
        visitor.text("name", name)
        visitor.text("slug", slug)
        visitor.text("url", url)
        visitor.number("count", count)
        visitor.text("countLabel", countLabel)
    }
}

extension QuestionView: TemplateFields {
    func visitFields(_ visitor: inout some TemplateFieldVisitor) {
        visitor.number("number", number)
        visitor.text("question", question)
        visitor.text("anchor", anchor)
        visitor.text("answerHTML", answerHTML)
        visitor.text("section", section)
        visitor.text("url", url)
        visitor.flag("isFirst", isFirst)
    }
}

extension ExplainerView: TemplateFields {
    func visitFields(_ visitor: inout some TemplateFieldVisitor) {
        visitor.text("title", title)
        visitor.flag("titleIsLong", titleIsLong)
        visitor.text("slug", slug)
        visitor.text("url", url)
        visitor.text("jsonURL", jsonURL)
        visitor.text("summary", summary)
        visitor.view("date", date)
        visitor.text("author", author)
        visitor.views("tags", tags)
        visitor.flag("hasTags", hasTags)
        visitor.views("questions", questions)
        visitor.number("questionCount", questionCount)
        visitor.text("questionCountLabel", questionCountLabel)
        visitor.text("sourceFile", sourceFile)
    }
}

extension ExplainerCardView: TemplateFields {
    func visitFields(_ visitor: inout some TemplateFieldVisitor) {
        visitor.text("title", title)
        visitor.text("url", url)
        visitor.text("summary", summary)
        visitor.view("date", date)
        visitor.views("tags", tags)
        visitor.flag("hasTags", hasTags)
        visitor.views("topQuestions", topQuestions)
        visitor.flag("hasTopQuestions", hasTopQuestions)
        visitor.text("moreQuestions", moreQuestions)
        visitor.number("questionCount", questionCount)
    }
}

extension ArchiveYearView: TemplateFields {
    func visitFields(_ visitor: inout some TemplateFieldVisitor) {
        visitor.text("year", year)
        visitor.views("explainers", explainers)
    }
}
