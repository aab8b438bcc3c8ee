using DailyPapers.Cli;

// One executable: with no verb it serves the site; verbs import, harvest and administer (see `dailypapers --help`).
return await CommandLine.Build().Parse(args).InvokeAsync();
