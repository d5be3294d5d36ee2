using System.Text;
using FinOpsCopilot.Core.CloudFormation;
using FinOpsCopilot.Core.Model;
using FinOpsCopilot.Core.Rules;
using FinOpsCopilot.Core.Terraform;
using FinOpsCopilot.Core.Text;

namespace FinOpsCopilot.Core.Analysis;

/// <summary>
/// Reads one file from disk or an editor buffer into an <see cref="IacDocument"/>, or says it is not infrastructure
/// code. Binary files are skipped; files over <see cref="MaxBytes"/> that look like templates get one clear diagnostic.
/// </summary>
public static class SourceFileReader
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Reads a file on disk. Returns null when it is not infrastructure code. Throws IOException when unreadable.</summary>
    public static IacDocument? ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxBytes) return TooLarge(path, info.Length);
        var bytes = File.ReadAllBytes(path);
        if (LooksBinary(bytes)) return null;
        return Read(path, Decode(bytes));
    }

    /// <summary>Reads text already in memory (an editor buffer).</summary>
    public static IacDocument? Read(string path, string content)
    {
        // A Terraform file is read with the rest of its module (from disk), this text standing in for the file.
        if (TerraformModuleReader.IsTerraformFile(path))
            return TerraformModuleReader.Read([path], buffers: new Dictionary<string, string> { [path] = content }).FirstOrDefault();
        var text = new SourceText(path, content);
        try
        {
            return CloudFormationReader.Read(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reader bug must cost one file, never the whole run: report it where the user will see it.
            return new IacDocument
            {
                Text = text,
                Format = TemplateDetector.IsJson(path, content) ? IacFormat.CloudFormationJson : IacFormat.CloudFormationYaml,
                Diagnostics =
                [
                    new SourceDiagnostic(RuleCodes.ParseError, $"Internal error while reading this file ({e.GetType().Name}: {e.Message}); please report it",
                        SourceRange.Empty(new SourcePosition(0, 0))),
                ],
            };
        }
    }

    private static IacDocument? TooLarge(string path, long length)
    {
        var head = new char[64 * 1024];
        int n;
        using (var reader = new StreamReader(path, Encoding.UTF8)) n = reader.ReadBlock(head, 0, head.Length);
        var start = new string(head, 0, n);
        if (!TemplateDetector.MayBeTemplate(start)) return null;
        var text = new SourceText(path, start);
        return new IacDocument
        {
            Text = text,
            Format = TemplateDetector.IsJson(path, start) ? IacFormat.CloudFormationJson : IacFormat.CloudFormationYaml,
            Diagnostics =
            [
                new SourceDiagnostic(RuleCodes.ParseError,
                    $"The file is {length / 1024.0 / 1024.0:0.0} MB; files over {MaxBytes / 1024 / 1024} MB are not analysed",
                    SourceRange.Empty(new SourcePosition(0, 0))),
            ],
        };
    }

    private static bool LooksBinary(byte[] bytes)
    {
        int n = Math.Min(bytes.Length, 8000);
        // UTF-16 files have NULs too but are text; CloudFormation and Terraform files are UTF-8.
        return bytes.AsSpan(0, n).IndexOf((byte)0) >= 0;
    }

    private static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[3..];
        return Encoding.UTF8.GetString(span);
    }
}
