import ExplainerEngine
import Content
import Foundation

/// Everything the pages are made from: the site's settings and its explainers, newest first,
/// with their tags grouped and related explainers found.
struct SiteModel: Sendable {
    /// A tag with the explainers that carry it, newest first.
    struct TagGroup: Sendable, Hashable {
        var tag: SiteTag
        var explainers: [PublishedExplainer]
    }

    var config: SiteConfig
    var explainers: [PublishedExplainer]
    /// Sorted by name, case-insensitively.
    var tags: [TagGroup]

    /// Orders the explainers and groups their tags. A tag's shown name is the spelling of the
    /// first explainer (by slug) that uses it, so `Health` and `health` are one tag; tags that
    /// make an empty slug (`???`) are dropped.
    init(config: SiteConfig, explainers: [PublishedExplainer]) {
        self.config = config
        var names: [String: String] = [:]
        for item in explainers.sorted(by: { $0.slug < $1.slug }) {
            for name in item.explainer.tags {
                let slug = Slug.make(from: name)
                if !slug.isEmpty, names[slug] == nil { names[slug] = name }
            }
        }
        var published = explainers.map { item -> PublishedExplainer in
            var item = item
            var seen = Set<String>()
            item.tags = item.explainer.tags.compactMap { name in
                let slug = Slug.make(from: name)
                guard !slug.isEmpty, seen.insert(slug).inserted else { return nil }
                return SiteTag(name: names[slug] ?? name, slug: slug)
            }
            return item
        }
        published.sort(by: PublishedExplainer.newestFirst)
        self.explainers = published
        self.tags = names.map { slug, name in
            TagGroup(tag: SiteTag(name: name, slug: slug), explainers: published.filter { $0.tags.contains { $0.slug == slug } })
        }.sorted { a, b in
            let (x, y) = (a.tag.name.lowercased(), b.tag.name.lowercased())
            return x != y ? x < y : a.tag.slug < b.tag.slug
        }
    }

    /// Other explainers sharing the most tags with `item`; ties go to the newer.
    func related(to item: PublishedExplainer, limit: Int = 3) -> [PublishedExplainer] {
        let mine = Set(item.tags.map(\.slug))
        guard !mine.isEmpty else { return [] }
        let scored = explainers.enumerated().compactMap { index, other -> (Int, Int, PublishedExplainer)? in
            guard other.slug != item.slug else { return nil }
            let shared = mine.intersection(other.tags.map(\.slug)).count
            return shared > 0 ? (shared, index, other) : nil
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.2)
    }
}
