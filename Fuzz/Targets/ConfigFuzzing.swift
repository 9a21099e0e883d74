import Adapters
import Foundation
import PeerBot

/// What `peerbot run` and `check-config` do with a configuration file's text:
/// parse the TOML, read every section into `AppConfiguration` (with a fixed
/// environment for `${VAR}` references); the same text is also read as a
/// help-line directory (`resources.toml`) and as a crisis phrase list.
enum ConfigFuzzing {
    static let environment = ["PEERBOT_TOKEN": "fuzz-token", "HOME": "/nonexistent"]

    static func run(_ data: Data) -> FuzzReport {
        var report = FuzzReport()
        let text = FuzzInput.text(data)
        _ = CrisisPhraseList.parse(text)
        let document: ConfigDocument
        do {
            document = try ConfigDocument.parse(text, path: "fuzz.toml")
        } catch {
            _ = error.description
            report.rejected += 1
            return report
        }
        do {
            let app = try AppConfiguration(document: document, environment: environment)
            _ = app.enabledAdapters
            report.decoded += 1
        } catch {
            _ = error.description
            report.rejected += 1
        }
        do {
            let directory = try ResourceDirectory.parse(document)
            _ = directory.lookup(topic: nil, region: nil)
        } catch {
            _ = "\(error)"
        }
        return report
    }
}
