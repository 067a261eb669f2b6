import Mustache

// Field lookup for templates without reflection: swift-mustache falls back to `Mirror` for
// values that are not `MustacheParent`, which made large list pages (a home page with a
// thousand explainers) spend most of the build decoding type metadata. Each view answers
// for its own fields here; a name it does not know climbs the context stack as usual.

extension PageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "root": root
        case "assets": assets
        case "explainer": explainer
        case "related": related
        case "explainers": explainers
        case "tag": tag
        case "tags": tags
        case "years": years
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "language": language
        case "ogLocale": ogLocale
        case "baseURL": baseURL
        default: nil
        }
    }
}

extension PageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "is": `is`
        case "title": title
        case "documentTitle": documentTitle
        case "description": description
        case "canonicalURL": canonicalURL
        case "ogType": ogType
        case "jsonLD": jsonLD
        case "publishedTime": publishedTime
        case "feedURL": feedURL
        default: nil
        }
    }
}

extension DateView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "iso": iso
        case "display": display
        default: nil
        }
    }
}

extension TagView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "slug": slug
        case "url": url
        case "count": count
        case "countLabel": countLabel
        default: nil
        }
    }
}

extension QuestionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "question": question
        case "anchor": anchor
        case "answerHTML": answerHTML
        case "section": section
        case "url": url
        case "isFirst": isFirst
        default: nil
        }
    }
}

extension ExplainerView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "titleIsLong": titleIsLong
        case "slug": slug
        case "url": url
        case "jsonURL": jsonURL
        case "summary": summary
        case "date": date
        case "author": author
        case "tags": tags
        case "hasTags": hasTags
        case "questions": questions
        case "questionCount": questionCount
        case "questionCountLabel": questionCountLabel
        case "sourceFile": sourceFile
        default: nil
        }
    }
}

extension ExplainerCardView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "summary": summary
        case "date": date
        case "tags": tags
        case "hasTags": hasTags
        case "topQuestions": topQuestions
        case "hasTopQuestions": hasTopQuestions
        case "moreQuestions": moreQuestions
        case "questionCount": questionCount
        default: nil
        }
    }
}

extension ArchiveYearView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "year": year
        case "explainers": explainers
        default: nil
        }
    }
}
