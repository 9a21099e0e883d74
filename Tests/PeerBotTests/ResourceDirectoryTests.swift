import Foundation
import Testing
@testable import PeerBot

@Suite struct ResourceDirectoryTests {
    @Test func topicsMatchSynonymsAndTypos() {
        #expect(ResourceTopic.match("suicidal") == .suicide)
        #expect(ResourceTopic.match("addiction") == .substanceUse)
        #expect(ResourceTopic.match("lgbt") == .lgbtq)
        #expect(ResourceTopic.match("LGBTQ+") == .lgbtq)
        #expect(ResourceTopic.match("suicde") == .suicide)
        #expect(ResourceTopic.match("adiction") == .substanceUse)
        #expect(ResourceTopic.match("eating disorders") == .eatingDisorders)
        #expect(ResourceTopic.match("veteran") == .veterans)
        #expect(ResourceTopic.match("astrology") == nil)
        #expect(ResourceTopic.match("") == nil)
    }

    @Test func lookupPutsRegionalFirstThenInternational() throws {
        let directory = try Fixtures.resourceDirectory()
        #expect(directory.lookup(topic: .crisis, region: RegionCode("US")).map(\.id) == ["us-988-lifeline", "intl-find-a-helpline"])
        #expect(directory.lookup(topic: nil, region: RegionCode("GB")).map(\.id) == ["gb-samaritans", "intl-find-a-helpline"])
        #expect(directory.lookup(topic: .crisis, region: nil).map(\.id) == ["intl-find-a-helpline"])
        #expect(directory.lookup(topic: .lgbtq, region: RegionCode("GB")).map(\.id) == ["gb-switchboard", "intl-find-a-helpline"])
    }

    @Test func validationNamesEveryBadEntry() {
        do {
            _ = try ResourceDirectory.load(path: Fixtures.path("bad-resources.toml"))
            Issue.record("expected validation errors")
        } catch let error as ResourceDirectoryError {
            #expect(error.problems.count == 3)
            #expect(error.problems[0].hasPrefix("entry 2 (no-source): missing source"))
            #expect(error.problems[1].contains("bad-region"))
            #expect(error.problems[1].contains("unknown region \"XX\""))
            #expect(error.problems[1].contains("unknown topic \"astrology\""))
            #expect(error.problems[1].contains("checked: expected YYYY-MM-DD"))
            #expect(error.problems[2].contains("needs at least one of phone, text, chat, web"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// The shipped directory: at least 25 services in at least 8 countries plus
    /// international finders, every entry sourced and dated, and the lines the
    /// project promises present with the numbers their services publish.
    @Test func theShippedDirectoryMeetsItsPromises() throws {
        let path = Fixtures.repositoryRoot.appendingPathComponent("config/resources.toml").path
        let directory = try ResourceDirectory.load(path: path)
        #expect(directory.entries.count >= 25)
        let countries = Set(directory.entries.flatMap(\.regions)).subtracting([.international])
        #expect(countries.count >= 8)
        #expect(directory.entries.contains { $0.regions == [.international] && $0.topics.contains(.finder) })
        let byID = Dictionary(uniqueKeysWithValues: directory.entries.map { ($0.id, $0) })
        #expect(byID["us-988-lifeline"]?.phone == "988")
        #expect(byID["us-crisis-text-line"]?.text?.contains("741741") == true)
        #expect(byID["gb-samaritans"]?.phone == "116 123")
        #expect(byID["ie-samaritans"]?.phone == "116 123")
        for entry in directory.entries {
            #expect(entry.source.hasPrefix("http"), "\(entry.id) has no source URL")
            #expect(entry.checked.count == 10, "\(entry.id) has no check date")
        }
    }
}
