using NightLeg.Mobile.Cli;
using NightLeg.Mobile.Hosting;

// The composition root: everything the `nightleg` command does starts from the command line, and
// every failure ends as one line on stderr (NightLegCli). SIGTERM and SIGINT end every command (TerminationSignals
// cancels `stop`). The wall clock is chosen here, once; every command reads time from it.
NativeHeap.LimitArenas();
var time = TimeProvider.System;
using var stop = new CancellationTokenSource();
using var signals = TerminationSignals.Register(args, stop, Console.Error, time);
var code = await NightLegCli.RunAsync(args, Console.Out, Console.Error, time, stop.Token);
return signals.ExitCode is { } signalled && code != 0 ? signalled : code;
