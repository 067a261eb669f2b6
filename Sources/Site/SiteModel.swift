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
    fileprivate var tagIndex: [String: Int]

    /// Orders the explainers and groups their tags. A tag's shown name is the spelling of the
    /// first explainer (by slug) that uses it, so `Health` and `health` are one tag; tags that
    /// make an empty slug (`???`) are dropped.
    init(config: SiteConfig, summaries: [ExplainerSummary]) {
        self.config = config
        var slugsOfTags: [String: String] = [:]
        func slug(of name: String) -> String {
            if let known = slugsOfTags[name] { return known }
            let made = Slug.make(from: name)
            slugsOfTags[name] = made
            return made
        }
        // Tag slug → (slug of the first explainer using it, the spelling there).
        var firstUse: [String: (explainer: String, name: String)] = [:]
        for item in summaries {
            for name in item.tags {
                let tagSlug = slug(of: name)
                guard !tagSlug.isEmpty else { continue }
                if let known = firstUse[tagSlug], known.explainer <= item.slug { continue }
                firstUse[tagSlug] = (item.slug, name)
            }
        }
        let names = firstUse.mapValues(\.name)
        var entries = summaries.map { item -> Entry in
            var seen = Set<String>()
            let tags = item.tags.compactMap { name -> SiteTag? in
                let tagSlug = slug(of: name)
                guard !tagSlug.isEmpty, seen.insert(tagSlug).inserted else { return nil }
                return SiteTag(name: names[tagSlug] ?? name, slug: tagSlug)
            }
            return Entry(summary: item, tags: tags)
        }
        entries.sort { ExplainerSummary.newestFirst($0.summary, $1.summary) }
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

    /// The dates of the entries at `indices` as pages show them, each distinct date formatted once.
    func dateViews(of indices: some Sequence<Int>) -> [Date: DateView] {
        var views: [Date: DateView] = [:]
        let style = SiteDate.displayStyle(language: config.language)
        for index in indices {
            guard let date = entries[index].summary.date, views[date] == nil else { continue }
            views[date] = DateView(iso: SiteDate.day(date), display: date.formatted(style))
        }
        return views
    }

    /// How many explainers carry the tag `slug`; nil for a tag no explainer has.
    func count(ofTag slug: String) -> Int? {
        tagIndex[slug].map { tags[$0].members.count }
    }

    /// Other explainers sharing the most tags with the explainer at `index`; ties go to the newer.
    func related(to index: Int, limit: Int = 3) -> [Int] {
        var finder = RelatedFinder(count: entries.count)
        return finder.related(to: index, in: self, limit: limit)
    }

    /// Finds related explainers by counting, for each explainer sharing a tag, how many it shares.
    ///
    /// The counts live in one array per finder, reset after each use, so finding the related
    /// explainers of every page costs the total size of the tag lists involved, with no
    /// allocation per page. One finder per task: it is not safe to share.
    struct RelatedFinder {
        private var shared: [Int32]
        private var touched: [Int] = []

        init(count: Int) {
            shared = Array(repeating: 0, count: count)
        }

        mutating func related(to index: Int, in model: SiteModel, limit: Int = 3) -> [Int] {
            guard limit > 0 else { return [] }
            touched.removeAll(keepingCapacity: true)
            for tag in model.entries[index].tags {
                guard let group = model.tagIndex[tag.slug] else { continue }
                for member in model.tags[group].members where member != index {
                    if shared[member] == 0 { touched.append(member) }
                    shared[member] += 1
                }
            }
            // The best `limit` by (shared descending, index ascending), kept sorted.
            var best: [(shared: Int32, index: Int)] = []
            for member in touched {
                let candidate = (shared: shared[member], index: member)
                shared[member] = 0
                if best.count == limit, let last = best.last, !(candidate.shared > last.shared || (candidate.shared == last.shared && candidate.index < last.index)) {
                    continue
                }
                let position = best.firstIndex { candidate.shared > $0.shared || (candidate.shared == $0.shared && candidate.index < $0.index) } ?? best.count
                best.insert(candidate, at: position)
                if best.count > limit { best.removeLast() }
            }
            return best.map(\.index)
        }
    }
}
