import PatchbayCLI

await PatchbayCommand.main()
