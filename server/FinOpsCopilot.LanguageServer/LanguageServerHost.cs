using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace FinOpsCopilot.LanguageServer;

/// <summary>
/// Runs the server over a pair of streams (stdin/stdout for <c>finops-copilot lsp</c>): LSP's header-delimited
/// JSON-RPC, System.Text.Json, handlers called in arrival order. Returns the process exit code: 0 after
/// shutdown + exit, 1 when the client went away or sent exit without shutdown.
/// </summary>
public static class LanguageServerHost
{
    public static async Task<int> RunAsync(Stream input, Stream output)
    {
        var formatter = new SystemTextJsonFormatter();
        JsonOptions.Configure(formatter.JsonSerializerOptions);
        var handler = new HeaderDelimitedMessageHandler(output, input, formatter);
        var rpc = new JsonRpc(handler)
        {
            // LSP requires text changes to apply in order: one handler at a time, in arrival order.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        var exitCode = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new FinOpsLanguageServer(rpc, code => exitCode.TrySetResult(code));
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { AllowNonPublicInvocation = false });
        rpc.StartListening();
        var finished = await Task.WhenAny(exitCode.Task, rpc.Completion.ContinueWith(_ => 0, TaskScheduler.Default));
        int code = finished == exitCode.Task ? exitCode.Task.Result : server.ShutdownRequested ? 0 : 1;
        rpc.Dispose();
        return code;
    }
}
