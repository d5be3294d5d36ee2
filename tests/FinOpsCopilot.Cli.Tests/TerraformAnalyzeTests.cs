using FinOpsCopilot.Cli.Commands;

namespace FinOpsCopilot.Cli.Tests;

public class TerraformAnalyzeTests
{
    private static string Samples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FinOpsCopilot.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "samples");
    }

    [Fact]
    public void Var_file_is_repeatable()
    {
        var options = AnalyzeOptions.Parse(["--var-file", "a.tfvars", "--var-file=b.tfvars", "infra"]);
        Assert.Equal(["a.tfvars", "b.tfvars"], options.VarFiles);
        Assert.Equal(["infra"], options.Paths);
    }

    [Fact]
    public void Var_files_apply_to_terraform_root_modules()
    {
        var varFile = Path.Combine(Path.GetTempPath(), $"finops-{Guid.NewGuid():N}.tfvars");
        File.WriteAllText(varFile, "environment = \"qa\"\n");
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = AnalyzeCommand.Run(["--format", "json", "--var-file", varFile, Path.Combine(Samples(), "terraform")], new CliConsole(stdout, stderr, false, Samples()));
            Assert.Equal(ExitCodes.FindingsAtThreshold, exit);
            Assert.Contains("has value 'qa'", stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains("\"address\": \"module.database.aws_db_instance.this[0]\"", stdout.ToString(), StringComparison.Ordinal);
        }
        finally { File.Delete(varFile); }
    }

    [Fact]
    public void Missing_var_file_is_an_error()
    {
        var stderr = new StringWriter();
        int exit = AnalyzeCommand.Run(["--var-file", "/nonexistent.tfvars", Samples()], new CliConsole(new StringWriter(), stderr, false, Samples()));
        Assert.Equal(ExitCodes.PathUnreadable, exit);
        Assert.Contains("variable file", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CloudFormation_and_terraform_side_by_side()
    {
        var stdout = new StringWriter();
        AnalyzeCommand.Run(["--format", "json", Samples()], new CliConsole(stdout, new StringWriter(), false, Samples()));
        var json = stdout.ToString();
        Assert.Contains("\"format\": \"terraform\"", json, StringComparison.Ordinal);
        Assert.Contains("\"format\": \"cloudformation-yaml\"", json, StringComparison.Ordinal);
    }
}
