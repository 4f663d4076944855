import ArgumentParser
import PatchbayCLI

func runPatchbay<C: AsyncParsableCommand>(_ c: C.Type) async { await c.main() }
await runPatchbay(PatchbayCommand.self)
