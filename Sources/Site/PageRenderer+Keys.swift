import Foundation

// Fingerprints of pages: a page whose fingerprint is the one recorded when its file was written
// would render to the same bytes, so the file is kept as it is. Each fingerprint covers exactly
// what `render(_:explainer:)` reads for that page, apart from what `site` already covers (the
// settings, the theme's templates and assets, the tool itself).

extension PageRenderer {
    /// Card fingerprints for every entry, for the numbers of questions cards show.
    struct CardKeys: Sendable {
        private var keys: [Int: [StableHasher.Digest]]

        init(model: SiteModel) {
            var keys: [Int: [StableHasher.Digest]] = [:]
            for questions in Set([CardQuestions.list, CardQuestions.related, CardQuestions.topic, CardQuestions.brief]) {
                keys[questions] = model.entries.map { entry in
                    StableHasher.digest { hasher in
                        hasher.combine(entry.summary.cardDigests[questions])
                        hasher.combine(entry.tags.count)
                        for tag in entry.tags {
                            hasher.combine(tag.name)
                            hasher.combine(tag.slug)
                        }
                    }
                }
            }
            self.keys = keys
        }

        func key(_ index: Int, questions: Int) -> StableHasher.Digest {
            keys[questions]![index]
        }
    }

    /// The fingerprint of `page` on a site whose settings and theme have the fingerprint `site`.
    func key(of page: Page, site: StableHasher.Digest, cards: CardKeys) -> StableHasher.Digest {
        var hasher = StableHasher(seed: site)
        func tagGroup(_ group: SiteModel.TagGroup) {
            hasher.combine(group.tag.name)
            hasher.combine(group.tag.slug)
            hasher.combine(group.members.count)
        }
        func cardList(_ indices: some Collection<Int>, questions: Int) {
            hasher.combine(indices.count)
            for index in indices { hasher.combine(cards.key(index, questions: questions)) }
        }
        switch page {
        case .home:
            hasher.combine("home")
            cardList(model.entries.indices, questions: CardQuestions.list)
            hasher.combine(model.tags.count)
            model.tags.forEach(tagGroup)
        case .explainer(let index):
            let entry = model.entries[index]
            hasher.combine("explainer")
            hasher.combine(entry.summary.digest)
            hasher.combine(entry.tags.count)
            for tag in entry.tags {
                hasher.combine(tag.name)
                hasher.combine(tag.slug)
                hasher.combine(model.count(ofTag: tag.slug) ?? 1)
            }
            cardList(related(to: index), questions: CardQuestions.related)
        case .tagIndex:
            hasher.combine("tags")
            hasher.combine(model.tags.count)
            model.tags.forEach(tagGroup)
        case .tag(let index):
            let group = model.tags[index]
            hasher.combine("tag")
            tagGroup(group)
            cardList(group.members, questions: CardQuestions.topic)
        case .archive:
            hasher.combine("archive")
            cardList(model.entries.indices, questions: CardQuestions.brief)
        case .search:
            hasher.combine("search")
        case .notFound:
            hasher.combine("404")
            cardList(model.entries.indices.prefix(Self.notFoundCards), questions: CardQuestions.brief)
        }
        return hasher.finalize()
    }
}
