using NightLeg.Mobile.Cli;

// The composition root: everything the `nightleg` command does starts from the command line, and
// every failure ends as one line on stderr (NightLegCli).
using var stop = new CancellationTokenSource();
return await NightLegCli.RunAsync(args, Console.Out, Console.Error, stop.Token);
