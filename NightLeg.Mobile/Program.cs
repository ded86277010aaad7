using NightLeg.Mobile.Cli;

// The composition root: everything the `nightleg` command does starts from the command line.
return await NightLegCommandLine.Create().Parse(args).InvokeAsync();
