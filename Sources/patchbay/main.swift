import ArgumentParser
import PatchbayCLI

// In top-level code the compiler resolves `PatchbayCommand.main()` to the synchronous
// ParsableCommand.main(), which refuses an async root command at run time. Inside an async
// function the async overload wins.
func runAsyncRoot<Command: AsyncParsableCommand>(_ command: Command.Type) async {
    await command.main()
}

PatchbayCommand.bootstrapLogging()
await runAsyncRoot(PatchbayCommand.self)
