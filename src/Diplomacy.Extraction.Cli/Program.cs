using Diplomacy.Extraction.Cli;

return Commands.Build().Parse(args).Invoke();
