import ChartunitCLI
await Chartunit.runCommandLine()
