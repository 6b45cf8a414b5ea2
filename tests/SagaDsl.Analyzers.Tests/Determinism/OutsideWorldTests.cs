using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>SAGA111 file system, network, processes, console input, environment; console output and the machine's facts are in <see cref="MachineFactsTests"/>.</summary>
public class OutsideWorldTests
{
    [Fact]
    public Task Outside_world_access_is_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Loader
            {
                [WorkflowRun]
                public async Task<string> RunAsync()
                {
                    var text = {|SAGA111:System.IO.File.ReadAllText("config.json")|};
                    var exists = {|SAGA111:System.IO.Directory.Exists("data")|};
                    using var reader = {|SAGA111:new System.IO.StreamReader("data.csv")|};
                    using var http = {|SAGA111:new System.Net.Http.HttpClient()|};
                    var body = await {|SAGA111:http.GetStringAsync("http://localhost/")|};
                    var host = await {|SAGA111:System.Net.Dns.GetHostEntryAsync("localhost")|};
                    using var socket = {|SAGA111:new System.Net.Sockets.TcpClient()|};
                    var process = {|SAGA111:System.Diagnostics.Process.GetCurrentProcess()|};
                    var line = {|SAGA111:Console.ReadLine()|};
                    var path = {|SAGA111:Environment.GetEnvironmentVariable("PATH")|};
                    return text + exists + body + host + process + line + path;
                }
            }
            """);
    }

    [Fact]
    public Task In_memory_streams_and_path_text_are_not_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Loader
            {
                [WorkflowRun]
                public Task<string> RunAsync()
                {
                    using var memory = new System.IO.MemoryStream();
                    using var reader = new System.IO.StreamReader(memory);
                    var name = System.IO.Path.Combine("a", "b") + System.IO.Path.GetExtension("x.json");
                    Workflow.Logger.ToString();
                    return Task.FromResult(name + Environment.NewLine);
                }
            }
            """);
    }
}
