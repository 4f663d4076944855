import PatchbayCLI

PatchbayCommand.bootstrapLogging()
await PatchbayCommand.runWithContractExitCodes()
