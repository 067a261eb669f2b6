import Content
import Testing

@testable import ExplainerEngine

/// Each kind of question, with the exact question and answer, from sentences written for the tests.
@Suite("QuestionGenerator")
struct QuestionGeneratorTests {
    func answer(_ question: String, _ text: String) -> String? {
        EngineTestSupport.answer(to: question, in: text)
    }

    @Test("double object: do-support and the verb's base form")
    func ditransitive() {
        #expect(answer("What did the harbour board give the sailing club?", "The harbour board gave the sailing club a new slipway.")
            == "A new slipway.")
    }

    @Test("a compound plural subject before a past tense: What did free school lunches raise?")
    func compoundPluralSubject() {
        #expect(answer("What did free school lunches raise?", "Free school lunches raised attendance in twelve schools.")
            == "Attendance in twelve schools.")
        #expect(answer("What did parents at the pilot schools ask the city to do?",
                       "Parents at the pilot schools asked the city to keep the lunches.") == "To keep the lunches.")
        #expect(!EngineTestSupport.candidates("Free school lunches raised attendance in twelve schools.")
            .contains { $0.question.contains("lunch?") })
    }

    @Test("an honorific without its dot is not part of the name: Who is Ingrid Vass?")
    func honorificWithoutDot() {
        #expect(answer("Who is Ingrid Vass?", "Dr Ingrid Vass, the education researcher who led the study, said children were hungry.")
            == "The education researcher who led the study.")
        #expect(answer("What did Ingrid Vass say?", "Dr Ingrid Vass, the education researcher who led the study, said children were hungry.")
            == "Children were hungry.")
    }

    @Test("a time of day asks when: When were firefighters called?")
    func clockTime() {
        #expect(answer("When were firefighters called?", "Firefighters were called at 6.40 p.m. and worked through the night.") == "At 6.40 p.m.")
        #expect(answer("When does the shop open on weekdays?", "The shop opens at 9 a.m. on weekdays.") == "At 9 a.m.")
        // Without a.m. or p.m. a number after "at" is not a time.
        #expect(!EngineTestSupport.candidates("The shop sells bread at 3 euros.").contains { $0.question.hasPrefix("When") })
    }

    @Test("a reported clause whose subject has a relative clause: no \"Who did the judge say?\"")
    func reportedSubjectWithRelativeClause() {
        let text = "Judge Hanna Roos said Kjell Amundsen, who owns the building on Mill Street, had ignored repeated warnings."
        let questions = EngineTestSupport.candidates(text).map(\.question)
        #expect(!questions.contains { $0.hasPrefix("Who did") || $0.hasPrefix("Who said") }, "\(questions)")
        #expect(answer("What had Kjell Amundsen ignored?", text) == "Repeated warnings.")
        #expect(answer("Who is Kjell Amundsen?", text)?.contains("who owns the building on Mill Street") == true)
    }

    @Test("an amount fined, charged or paid asks how much, without the time")
    func passiveAmount() {
        #expect(answer("How much was a landlord in Vestby fined?", "A landlord in Vestby was fined 40,000 crowns on Tuesday.")
            == "40,000 crowns.")
        #expect(answer("What must Kjell Amundsen pay each tenant?", "Kjell Amundsen must also pay each tenant 2,500 crowns in compensation.")
            == "2,500 crowns in compensation.")
    }

    @Test("an event's name is asked about with \"what\": What did the club's eight win?")
    func eventNames() {
        let text = "The Lindvik Rowing Club's eight won the Northern Regatta on Saturday."
        #expect(answer("What did the Lindvik Rowing Club's eight win?", text) == "The Northern Regatta on Saturday.")
        #expect(EngineTestSupport.explain(text).questions.first?.question == "What happened?")
    }

    @Test("a crew named by its club's possessive asks \"who\": Who won the Northern Regatta?")
    func possessedCrewAsksWho() {
        let text = "The Lindvik Rowing Club's eight won the Northern Regatta on Saturday, beating the champions by half a length."
        #expect(answer("Who won the Northern Regatta?", text) == "The Lindvik Rowing Club's eight, beating the champions by half a length.")
    }

    @Test("\"its\" names the body the sentence before was about: Who is Omar Haddad?")
    func itsOwner() {
        let text = "The tenants' association, which brought the case, welcomed the ruling. Its chair, Omar Haddad, said families had moved out."
        #expect(answer("Who is Omar Haddad?", text) == "The tenants' association's chair.")
        // A person before "its" is no owner: no answer rather than a wrong one.
        #expect(answer("Who is Omar Haddad?", "The mayor welcomed the ruling. Its chair, Omar Haddad, said families had moved out.") == nil)
    }

    @Test("where something started, even without a name: Where did the fire start?")
    func originPlace() {
        #expect(answer("Where did the fire start?", "The fire started in an electrical cabinet under the roof.")
            == "In an electrical cabinet under the roof.")
        // Other verbs still need a named place.
        #expect(!EngineTestSupport.candidates("The volunteers worked in a small room.").contains { $0.question.hasPrefix("Where") })
    }

    @Test("a body speaking of itself: \"X said it would cut 300 jobs\" → How many jobs would X cut?")
    func organisationSpeakingOfItself() {
        let text = "Tellus Software, the maker of accounting apps, said on Wednesday it would cut 300 jobs after two quarters of falling sales. "
            + "Shares in Tellus fell 7 percent."
        #expect(answer("How many jobs would Tellus Software cut?", text)?.hasPrefix("300 jobs") == true)
        #expect(answer("What is Tellus Software?", text) == "The maker of accounting apps.")
    }

    @Test("how many: a passive needs nothing after it; a measure keeps what it measures")
    func howManyPassiveAndMeasure() {
        #expect(answer("How many people were evacuated?", "About 450 people were evacuated from their homes on Thursday.") == "About 450 people.")
        #expect(answer("How many millimetres of rain fell?", "The weather service said 142 millimetres of rain fell in 48 hours.")
            == "142 millimetres of rain.")
    }

    @Test("a span of years is the answer to when: From 2021 to 2024.")
    func yearSpan() {
        #expect(answer("When did researchers count bees on 40 rooftops?", "Researchers counted bees on 40 rooftops from 2021 to 2024.")
            == "From 2021 to 2024.")
    }

    @Test("told someone in an email that …: What did the chief executive tell staff?")
    func toldInAnEmail() {
        let text = "Chief executive Daniel Ek-Hansen told staff in an email that the company had hired too quickly."
        #expect(answer("What did Daniel Ek-Hansen tell staff?", text) == "The company had hired too quickly.")
        #expect(answer("Who is Daniel Ek-Hansen?", text) == "The chief executive.")
        // A relative "that" after a reporting verb's object stays relative.
        #expect(answer("What did Henrike Dalsgaard say?", "Henrike Dalsgaard said demand for meals that can be heated quickly had held up.")
            == "Demand for meals that can be heated quickly had held up.")
    }

    @Test("a pronoun replaced by a sentence's opening words loses the sentence's capital")
    func referentLowercase() {
        #expect(EngineTestSupport.candidates("Wild bees pollinate fruit trees. Their numbers have fallen because meadows were built over.")
            .contains { $0.question == "Why have wild bees' numbers fallen?" })
    }

    @Test("an interview question keeps a main verb after a modal: What will Karin Aas do differently?")
    func interviewModal() {
        let body = """
            Karin Aas has grown apples above Lindvik for 27 years. We spoke to her about the frost.

            Q: What will you do differently?
            A: I am planting later-flowering varieties on the lower slopes because the cold air collects there.

            Q: Have you lost trees before?
            A: Only once, in the winter of 2010.
            """
        let questions = EngineTestSupport.candidates(body).map(\.question)
        #expect(questions.contains("What will Karin Aas do differently?"), "\(questions)")
        #expect(questions.contains("Has Karin Aas lost trees before?"), "\(questions)")
    }

    @Test("a bare phrase after the object stays with the verb: What did firefighters bring under control?")
    func barePhraseAfterObject() {
        #expect(answer("What did firefighters bring under control?", "Firefighters brought the blaze under control shortly before midnight.")
            == "The blaze.")
        #expect(answer("What did volunteers carry to safety?", "Volunteers carried more than 300 ship models to safety.")
            == "More than 300 ship models.")
        // "to" before a word that can be a verb is no such phrase.
        #expect(!EngineTestSupport.candidates("The company expects the recall to cost between 180 million and 210 million crowns.")
            .contains { $0.question.hasSuffix("to cost?") })
    }

    @Test("a title word inside a body's name is part of the name: Marrow Bay General Hospital")
    func titleInsideOrganisationName() {
        let text = "Marrow Bay General Hospital opened its new children's wing on Monday after two years of delays."
        #expect(answer("When did Marrow Bay General Hospital open its new children's wing?", text) == "On Monday.")
        // Asking who opened "its" wing would give the answer away.
        #expect(!EngineTestSupport.candidates(text).contains { $0.question.hasPrefix("Who opened") })
    }

    @Test("fined someone an amount: How much did the court fine the tannery?")
    func finedAmount() {
        let text = "A district court in Ostmark on Tuesday fined the Brandt & Sons tannery 3.2 million florins for polluting the river."
        #expect(answer("How much did a district court in Ostmark fine the Brandt & Sons tannery?", text) == "3.2 million florins.")
        #expect(answer("When did a district court in Ostmark fine the Brandt & Sons tannery 3.2 million florins?", text) == "On Tuesday.")
    }

    @Test("how many with \"have\" as the main verb: How many beds does the wing have?")
    func howManyHave() {
        #expect(answer("How many beds does the four-storey wing have?", "The four-storey wing has 48 beds and a separate entrance for children.")?
            .hasPrefix("48 beds") == true)
    }

    @Test("a timestamp line is noise, and the lead after it still answers What happened?")
    func timestampLine() {
        let explainer = EngineTestSupport.explain("""
            Published 9:42 a.m. Oct. 7, 2024 | Updated 11:15 a.m. Oct. 7, 2024

            Marrow Bay General Hospital opened its new children's wing on Monday after two years of delays.

            The four-storey wing has 48 beds and a separate entrance for children.
            """)
        #expect(explainer.questions.first?.question == "What happened?")
        #expect(!explainer.questions.contains { $0.answer.contains("Updated") })
    }

    @Test("a place's \", where …\" clause is news; a time or reason clause is context")
    func whereClauseIsNews() {
        let text = "Residents were sent to the Tolvern sports hall, where volunteers gave evacuees blankets and hot meals."
        #expect(answer("What did volunteers give evacuees?", text) == "Blankets and hot meals.")
        let context = "The ferry turned back after the crew gave the passengers a warning about the wind."
        #expect(!EngineTestSupport.candidates(context).contains { $0.question.contains("give the passengers") })
    }

    @Test("a source named with a description: according to Lidia Marsh, the town's returning officer")
    func accordingToSource() {
        let text = "Turnout was 61 percent, the highest in two decades, according to Lidia Marsh, the town's returning officer."
        #expect(answer("Who is Lidia Marsh?", text) == "The town's returning officer.")
        // Without a description there is nothing to ask.
        #expect(answer("Who is Lidia Marsh?", "Turnout was 61 percent, the highest in two decades, according to Lidia Marsh.") == nil)
    }

    @Test("a recipient after \"to\" asks the same question")
    func toDative() {
        #expect(answer("What did the harbour board send Mira Holt?", "Later, the harbour board sent a letter of thanks to Mira Holt.")
            == "A letter of thanks.")
    }

    @Test("object question: What did the board approve?")
    func object() {
        #expect(answer("What did the harbour board approve?", "The harbour board approved a plan to widen the old pier.")
            == "A plan to widen the old pier.")
    }

    @Test("appositive: NAME, the DESCRIPTION, said")
    func appositive() {
        #expect(answer("Who is Mira Holt?", "Mira Holt, the club's chief instructor, said the season would start in May.")
            == "The club's chief instructor.")
    }

    @Test("a title before a name: Club captain Jonas Vik")
    func title() {
        #expect(answer("Who is Jonas Vik?", "Club captain Jonas Vik welcomed the decision.") == "The club captain.")
        #expect(answer("Who is Ola Berg?", "Former mayor Ola Berg opened the pier.") == "The former mayor.")
    }

    @Test("a name after a description: Her deputy, NAME, said")
    func nameInApposition() {
        #expect(answer("Who is Ivar Aas?", "Mira Holt runs the school. Her deputy, Ivar Aas, said the boats were ready.")
            == "Mira Holt's deputy.")
    }

    @Test("copular sentence about a person")
    func copular() {
        #expect(answer("Who is Jonas Vik?", "Jonas Vik is the youngest captain in the club's history.")
            == "The youngest captain in the club's history.")
    }

    @Test("known for")
    func knownFor() {
        #expect(answer("What is Vik known for?", "Vik, known for his long solo voyages, joined the club in 2015.") == "His long solo voyages.")
    }

    @Test("is believed to: the auxiliary moves, the chain stays")
    func believedTo() {
        #expect(answer("What is Mira Holt believed to be planning?", "Mira Holt is believed to be planning a new course.") == "A new course.")
    }

    @Test("passive with an agent: Who approved the plan?")
    func passive() {
        #expect(answer("Who approved the plan?", "The plan was approved by the harbour board.") == "The harbour board.")
    }

    @Test("quotation with its speaker")
    func quotation() {
        #expect(answer("What did Mira Holt say?", "\"We have never had a better season,\" Mira Holt said.")
            == "\"We have never had a better season.\"")
    }

    @Test("reported speech")
    func reported() {
        #expect(answer("What did Mira Holt say?", "Mira Holt, the club's chief instructor, said the season would start in May.")
            == "The season would start in May.")
    }

    @Test("when: a month")
    func when() {
        #expect(answer("When did Vik join the club?", "Vik, known for his long solo voyages, joined the club in 2015.") == "In 2015.")
    }

    @Test("where: a named place")
    func whereQuestion() {
        #expect(answer("Where is the trophy on display?", "The trophy is on display at the Lakeside Museum.") == "At the Lakeside Museum.")
    }

    @Test("how many: a count in the subject")
    func howMany() {
        #expect(answer("How many members voted on the plan?", "About 200 members voted on the plan.") == "About 200 members.")
        #expect(answer("How many people does the company employ?", "Anna Lind owns a ferry company. The company employs 40 people.")
            == "40 people.")
    }

    @Test("how much: a change and a price")
    func howMuch() {
        #expect(answer("How much did membership rise?", "Membership rose 15 percent to 1,200.") == "15 percent to 1,200.")
        #expect(answer("How much did the new slipway cost?", "The new slipway cost 90,000 euros.") == "90,000 euros.")
    }

    @Test("how long: a duration and since")
    func howLong() {
        #expect(answer("How long will the repairs close the pier?", "The repairs will close the pier for six weeks.") == "For six weeks.")
        #expect(answer("How long has the club run races on the lake?", "The club has run races on the lake since 1962.") == "Since 1962.")
    }

    @Test("why: because, in order to, and after for a decision")
    func why() {
        #expect(answer("Why was the race cancelled?", "The race was cancelled because the wind was too strong.")
            == "Because the wind was too strong.")
        #expect(answer("Why did the club sell its old boat?", "The club sold its old boat in order to pay for the slipway.")
            == "To pay for the slipway.")
        #expect(answer("Why did the board approve the repairs?", "The board approved the repairs after an inspection found cracks in the pier.")
            == "After an inspection found cracks in the pier.")
    }

    @Test("concern: What are members worried about?")
    func concern() {
        #expect(answer("What are members worried about?", "Members are worried that fees will rise.") == "Fees will rise.")
    }

    @Test("what happens during something")
    func during() {
        #expect(answer("What will happen during the repairs?", "During the repairs, members will launch boats from the beach.")
            == "Members will launch boats from the beach.")
    }

    @Test("a question the article asks and answers itself")
    func selfAsked() {
        #expect(answer("What did the board give the club?", "What did the board give the club? A new slipway and two boats. It was a surprise.")
            == "A new slipway and two boats.")
    }

    @Test("What happened? is the lead; What happens next? a later sentence about the future")
    func standardQuestions() {
        let text = "The ferry broke down on Tuesday.\n\nPassengers waited for hours.\n\nThe crew fixed the engine.\n\nThe company will inspect every boat next month."
        #expect(answer("What happened?", text) == "The ferry broke down on Tuesday.")
        #expect(answer("What happens next?", text) == "The company will inspect every boat next month.")
    }

    @Test("an interview question in the third person, with its answer")
    func interview() {
        let text = "Ola Berg has built boats for fifty years.\n\nQ: How many boats have you built?\n\nA: About three hundred, most of them small."
        #expect(answer("How many boats has Ola Berg built?", text) == "About three hundred, most of them small.")
    }

    @Test("a subhead that is a question gets the section's first paragraph")
    func subhead() {
        let text = "The club opened a school.\n\nHow the school works\n\nPupils sail twice a week with an instructor."
        #expect(answer("How does the school work?", text) == "Pupils sail twice a week with an instructor.")
    }

    @Test("a pronoun with no antecedent drops the question")
    func unresolvedPronoun() {
        let candidates = EngineTestSupport.candidates("They gave the club a new boat.")
        #expect(!candidates.contains { $0.kind == .giving })
    }

    @Test("he is resolved to the last person named")
    func resolvedPronoun() {
        #expect(answer("What did Tomas Berg say?", "Tomas Berg runs the ferry. He said the service would resume on Friday.")
            == "The service would resume on Friday.")
    }
}

@Suite("QuestionGenerator, harder cases")
struct HarderQuestionTests {
    func answer(_ question: String, _ text: String) -> String? {
        EngineTestSupport.answer(to: question, in: text)
    }

    func questions(_ text: String) -> [String] {
        EngineTestSupport.candidates(text).map(\.question)
    }

    @Test("it is the thing a person acted on; have to keeps its do-support")
    func itAndHaveTo() {
        let text = "Ola Berg smokes fish for a living.\n\nQ: How does a day start?\n\nA: I light the smoker at five. It has to reach about 90 degrees before the fish go in."
        #expect(answer("How many degrees does the smoker have to reach?", text)?.hasPrefix("About 90 degrees") == true)
    }

    @Test("a count in the subject asks how many, not what")
    func countSubject() {
        let text = "Around 300 people use the ferry every day."
        #expect(answer("How many people use the ferry every day?", text) == "Around 300 people.")
        #expect(!questions(text).contains { $0.hasPrefix("What do") || $0.hasPrefix("What does") })
        #expect(!questions(text).contains { $0.hasPrefix("When") })
    }

    @Test("to before a noun is no infinitive, and only verbs that take one are asked what they set out to do")
    func infinitives() {
        let text = "The harbour will reopen to traffic on Wednesday."
        #expect(!questions(text).contains { $0.hasSuffix("to do?") })
        #expect(answer("What did the council vote to do?", "The council voted to close the old pier.") == "To close the old pier.")
    }

    @Test("a role between a noun and a name: Fire chief Erik Holm")
    func roleBeforeName() {
        #expect(answer("Who is Erik Holm?", "Fire chief Erik Holm said the fire started on the quay.") == "The fire chief.")
    }

    @Test("a subhead question with a list gets the list")
    func subheadList() throws {
        let body = "The survey is out.\n\n## What the survey found\n\nThe authors listed three findings:\n\n- Boats are older.\n- Crews are smaller.\n"
        let article = try #require(try? Content.ArticleLoader().parse("---\ntitle: Survey\n---\n\n" + body, path: "s.md"))
        let candidates = QuestionGenerator(analysis: ArticleAnalysis(article: article, lexicon: EngineTestSupport.lexicon)).candidates()
        let item = try #require(candidates.first { $0.question == "What did the survey find?" })
        #expect(AnswerBuilder.render(item.parts) == "The authors listed three findings:\n\n- Boats are older.\n- Crews are smaller.")
    }
}
