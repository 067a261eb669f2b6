import Content
import Foundation

/// Everything the pages are made from: the site's settings and its explainers, newest first,
/// with their tags grouped and related explainers found.
///
/// Explainers are referred to by their index in `entries`, so a tag page of six hundred
/// explainers holds six hundred numbers, not six hundred copies.
struct SiteModel: Sendable {
    /// An explainer in the site's order, with its tags as the site shows them.
    struct Entry: Sendable, Hashable {
        var summary: ExplainerSummary
        var tags: [SiteTag]
        /// The date as pages show it (formatted once per site, not once per card).
        var date: DateView?
        var path: String { summary.path }
    }

    /// A tag with the explainers that carry it, newest first (indices into `entries`, ascending).
    struct TagGroup: Sendable, Hashable {
        var tag: SiteTag
        var members: [Int]
    }

    var config: SiteConfig
    var entries: [Entry]
    /// Sorted by name, case-insensitively.
    var tags: [TagGroup]
    /// Tag slug → index in `tags`.
    private var tagIndex: [String: Int]

    /// Orders the explainers and groups their tags. A tag's shown name is the spelling of the
    /// first explainer (by slug) that uses it, so `Health` and `health` are one tag; tags that
    /// make an empty slug (`???`) are dropped.
    init(config: SiteConfig, summaries: [ExplainerSummary]) {
        self.config = config
        var names: [String: String] = [:]
        var slugsOfTags: [String: String] = [:]
        func slug(of name: String) -> String {
            if let known = slugsOfTags[name] { return known }
            let made = Slug.make(from: name)
            slugsOfTags[name] = made
            return made
        }
        for item in summaries.sorted(by: { $0.slug < $1.slug }) {
            for name in item.tags {
                let tagSlug = slug(of: name)
                if !tagSlug.isEmpty, names[tagSlug] == nil { names[tagSlug] = name }
            }
        }
        var entries = summaries.map { item -> Entry in
            var seen = Set<String>()
            let tags = item.tags.compactMap { name -> SiteTag? in
                let tagSlug = slug(of: name)
                guard !tagSlug.isEmpty, seen.insert(tagSlug).inserted else { return nil }
                return SiteTag(name: names[tagSlug] ?? name, slug: tagSlug)
            }
            return Entry(summary: item, tags: tags, date: nil)
        }
        entries.sort { ExplainerSummary.newestFirst($0.summary, $1.summary) }
        var dates: [Date: DateView] = [:]
        for index in entries.indices {
            guard let date = entries[index].summary.date else { continue }
            if dates[date] == nil {
                dates[date] = DateView(iso: SiteDate.day(date), display: SiteDate.display(date, language: config.language))
            }
            entries[index].date = dates[date]
        }
        self.entries = entries

        var members: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for tag in entry.tags { members[tag.slug, default: []].append(index) }
        }
        tags = names.map { tagSlug, name in
            TagGroup(tag: SiteTag(name: name, slug: tagSlug), members: members[tagSlug] ?? [])
        }.sorted { a, b in
            let (x, y) = (a.tag.name.lowercased(), b.tag.name.lowercased())
            return x != y ? x < y : a.tag.slug < b.tag.slug
        }
        tagIndex = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($0.element.tag.slug, $0.offset) })
    }

    /// How many explainers carry the tag `slug`; nil for a tag no explainer has.
    func count(ofTag slug: String) -> Int? {
        tagIndex[slug].map { tags[$0].members.count }
    }

    /// Other explainers sharing the most tags with the explainer at `index`; ties go to the newer.
    ///
    /// Walks the (ascending) member lists of its tags together, so the cost is the size of
    /// those lists, not the size of the site.
    func related(to index: Int, limit: Int = 3) -> [Int] {
        let lists = entries[index].tags.compactMap { tagIndex[$0.slug].map { tags[$0].members } }
        guard !lists.isEmpty, limit > 0 else { return [] }
        // best[shared - 1]: the first `limit` explainers, in site order, sharing that many tags.
        var best = Array(repeating: [Int](), count: lists.count)
        var positions = Array(repeating: 0, count: lists.count)
        while true {
            var next = Int.max
            for (list, position) in zip(lists, positions) where position < list.count {
                next = min(next, list[position])
            }
            guard next != Int.max else { break }
            var shared = 0
            for slot in lists.indices where positions[slot] < lists[slot].count && lists[slot][positions[slot]] == next {
                shared += 1
                positions[slot] += 1
            }
            if next != index, best[shared - 1].count < limit { best[shared - 1].append(next) }
        }
        var result: [Int] = []
        for level in best.indices.reversed() {
            result += best[level].prefix(limit - result.count)
            if result.count == limit { break }
        }
        return result
    }
}
