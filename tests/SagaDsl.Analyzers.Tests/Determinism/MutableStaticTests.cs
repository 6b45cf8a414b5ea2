using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>SAGA112 mutable static state.</summary>
public class MutableStaticTests
{
    [Fact]
    public Task Mutable_static_fields_and_auto_properties_are_reported()
    {
        return VerifyAsync("""
            public static class Counters
            {
                public static int Runs;
                public static string Last { get; set; } = "";
            }

            [Workflow]
            public class Counting
            {
                private static int calls;

                [WorkflowRun]
                public Task<int> RunAsync()
                {
                    {|SAGA112:calls|}++;
                    {|SAGA112:Counters.Runs|} = 1;
                    {|SAGA112:Counters.Last|} = "x";
                    return Task.FromResult({|SAGA112:calls|});
                }
            }
            """);
    }

    [Fact]
    public Task Constants_readonly_statics_enums_and_instance_state_are_not_reported()
    {
        return VerifyAsync("""
            public enum Stage { Start, End }

            public static class Settings
            {
                public const int Limit = 3;
                public static readonly string Name = "n";
                public static string Computed => "c";
            }

            [Workflow]
            public class Counting
            {
                private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
                private int calls;

                [WorkflowRun]
                public Task<string> RunAsync()
                {
                    calls++;
                    return Task.FromResult($"{Settings.Limit}{Settings.Name}{Settings.Computed}{Stage.End}{Interval}{calls}{string.Empty}");
                }
            }
            """);
    }
}
