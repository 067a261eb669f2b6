import ArgumentParser
import ExplainerCLICore

/// The `explainer` executable: everything else lives in ExplainerCLICore so tests can drive it.
@main
struct ExplainerMain {
    static func main() async {
        await ExplainerCommand.runMain()
    }
}
