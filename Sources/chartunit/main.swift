import ChartunitCLI
await Chartunit.main()
