using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>Uses hidden in helpers are reported at the call in the workflow, with the chain.</summary>
public class CallChainTests
{
    private const string Helpers = """
        public static class Clock
        {
            public static DateTime Now => DateTime.UtcNow;
        }

        public static class Deadlines
        {
            public static DateTime Compute(TimeSpan after) => Clock.Now + after;
        }

        """;

    [Fact]
    public Task A_use_two_calls_deep_is_reported_at_the_call_with_its_chain()
    {
        return VerifyAsync(Helpers + """
            [Workflow]
            public class Reminder
            {
                [WorkflowRun]
                public Task<DateTime> RunAsync() => Task.FromResult({|#0:Deadlines.Compute(TimeSpan.FromDays(1))|});
            }
            """,
            Diagnostic("SAGA101").WithLocation(0).WithArguments("Deadlines.Compute → Clock.Now → DateTime.UtcNow", "Workflow.UtcNow"));
    }

    [Fact]
    public Task A_helper_of_the_workflow_class_is_reported_where_the_use_is()
    {
        return VerifyAsync(Helpers + """
            [Workflow]
            public class Reminder
            {
                [WorkflowRun]
                public Task<DateTime> RunAsync() => Task.FromResult(Later());

                private static DateTime Later() => {|#0:Clock.Now|}.AddDays(1);
            }
            """,
            Diagnostic("SAGA101").WithLocation(0).WithArguments("Clock.Now → DateTime.UtcNow", "Workflow.UtcNow"));
    }

    [Fact]
    public Task Recursive_helpers_are_followed_once_and_reported()
    {
        return VerifyAsync("""
            public static class Retry
            {
                public static int Even(int n) => n == 0 ? Guid.NewGuid().GetHashCode() : Odd(n - 1);

                public static int Odd(int n) => n == 0 ? 1 : Even(n - 1);

                public static int Forever(int n) => Forever(n + 1);
            }

            [Workflow]
            public class Looping
            {
                [WorkflowRun]
                public Task<int> RunAsync() => Task.FromResult({|#0:Retry.Odd(3)|} + Retry.Forever(0));
            }
            """,
            Diagnostic("SAGA102").WithLocation(0).WithArguments("Retry.Odd → Retry.Even → Guid.NewGuid", "Workflow.NewGuid()"));
    }

    [Fact]
    public Task Every_rule_a_helper_breaks_is_reported_once_per_fix_at_the_call()
    {
        return VerifyAsync("""
            public class Stamper
            {
                public string Stamp() => DateTime.UtcNow.ToString("O") + Guid.NewGuid() + DateTime.Now;
            }

            [Workflow]
            public class Stamping
            {
                [WorkflowRun]
                public Task<string> RunAsync() => Task.FromResult({|#0:new Stamper().Stamp()|});
            }
            """,
            Diagnostic("SAGA101").WithLocation(0).WithArguments("Stamper.Stamp → DateTime.Now", "Workflow.UtcNow (UTC: convert with an explicit time zone if local time is meant)"),
            Diagnostic("SAGA101").WithLocation(0).WithArguments("Stamper.Stamp → DateTime.UtcNow", "Workflow.UtcNow"),
            Diagnostic("SAGA102").WithLocation(0).WithArguments("Stamper.Stamp → Guid.NewGuid", "Workflow.NewGuid()"));
    }

    [Fact]
    public Task A_helper_marked_workflow_safe_is_not_followed()
    {
        return VerifyAsync("""
            public static class Ids
            {
                [SagaDsl.WorkflowSafe("Only used for log correlation, never for decisions.")]
                public static string Correlation() => Guid.NewGuid().ToString();
            }

            [Workflow]
            public class Tagged
            {
                [WorkflowRun]
                public Task<string> RunAsync() => Task.FromResult(Ids.Correlation());
            }
            """);
    }

    [Fact]
    public Task Activities_named_in_expression_trees_are_not_followed()
    {
        return VerifyAsync("""
            public class Mailer
            {
                [Activity]
                public Task SendAsync(string to) => System.IO.File.WriteAllTextAsync("mail.txt", to + DateTime.UtcNow);

                [Activity]
                public static string Stamp() => DateTime.UtcNow.ToString("O");
            }

            [Workflow]
            public class Notify
            {
                [WorkflowRun]
                public async Task RunAsync()
                {
                    await Workflow.ExecuteActivityAsync((Mailer mailer) => mailer.SendAsync("a@b.c"), new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) });
                    await Workflow.ExecuteActivityAsync(() => Mailer.Stamp(), new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) });
                    await Workflow.ExecuteLocalActivityAsync(() => Mailer.Stamp(), new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) });
                }
            }
            """);
    }

    [Fact]
    public Task Code_reached_only_from_activities_is_not_reported()
    {
        return VerifyAsync(Helpers + """
            public class Billing
            {
                [Activity]
                public DateTime Due() => Deadlines.Compute(TimeSpan.FromDays(30));
            }
            """);
    }

    [Fact]
    public Task Calls_from_every_kind_of_workflow_code_are_followed_and_each_reported_once()
    {
        const string Chain = "Clock.Now → DateTime.UtcNow";
        return VerifyAsync(Helpers + """
            [Workflow]
            public partial class Everywhere
            {
                private readonly DateTime created = {|#0:Clock.Now|};

                public Everywhere()
                    : this({|#1:Clock.Now|})
                {
                }

                private Everywhere(DateTime at) => Last = at > created ? at : created;

                public DateTime Started { get; } = {|#2:Clock.Now|};

                public DateTime Last { get; private set; }

                public DateTime Deadline => {|#3:Deadlines.Compute(TimeSpan.FromDays(1))|};

                public DateTime Checked
                {
                    get { return {|#4:Clock.Now|}; }
                }

                [WorkflowRun]
                public async Task RunAsync()
                {
                    Func<DateTime> later = () => {|#5:Clock.Now|};
                    await Workflow.DelayAsync(TimeSpan.FromSeconds(1));
                    Stamp();
                    Touched();

                    void Stamp() => Last = {|#6:Clock.Now|};
                }

                partial void Touched();
            }

            public partial class Everywhere
            {
                [WorkflowSignal]
                public Task PokeAsync()
                {
                    Last = {|#7:Clock.Now|};
                    return Task.CompletedTask;
                }

                partial void Touched() => Last = {|#8:Clock.Now|};
            }
            """,
            Diagnostic("SAGA101").WithLocation(0).WithArguments(Chain, "Workflow.UtcNow"),
            Diagnostic("SAGA101").WithLocation(1).WithArguments(Chain, "Workflow.UtcNow"),
            Diagnostic("SAGA101").WithLocation(2).WithArguments(Chain, "Workflow.UtcNow"),
            Diagnostic("SAGA101").WithLocation(3).WithArguments("Deadlines.Compute → " + Chain, "Workflow.UtcNow"),
            Diagnostic("SAGA101").WithLocation(4).WithArguments(Chain, "Workflow.UtcNow"),
            Diagnostic("SAGA101").WithLocation(5).WithArguments(Chain, "Workflow.UtcNow"),
            Diagnostic("SAGA101").WithLocation(6).WithArguments(Chain, "Workflow.UtcNow"),
            Diagnostic("SAGA101").WithLocation(7).WithArguments(Chain, "Workflow.UtcNow"),
            Diagnostic("SAGA101").WithLocation(8).WithArguments(Chain, "Workflow.UtcNow"));
    }

    [Fact]
    public Task A_partial_helper_is_followed_into_its_implementation()
    {
        return VerifyAsync("""
            public static partial class Audit
            {
                public static partial string Stamp();
            }

            public static partial class Audit
            {
                public static partial string Stamp() => Guid.NewGuid().ToString();
            }

            [Workflow]
            public class Audited
            {
                [WorkflowRun]
                public Task<string> RunAsync() => Task.FromResult({|#0:Audit.Stamp()|});
            }
            """,
            Diagnostic("SAGA102").WithLocation(0).WithArguments("Audit.Stamp → Guid.NewGuid", "Workflow.NewGuid()"));
    }

    [Fact]
    public Task An_argument_a_primary_constructor_passes_to_its_base_is_followed()
    {
        return VerifyAsync(Helpers + """
            public abstract class Timed
            {
                protected Timed(DateTime at) => At = at;

                public DateTime At { get; }
            }

            [Workflow]
            public class Primary(string name) : Timed({|#0:Clock.Now|})
            {
                [WorkflowRun]
                public Task<string> RunAsync() => Task.FromResult(name + At);
            }
            """,
            Diagnostic("SAGA101").WithLocation(0).WithArguments("Clock.Now → DateTime.UtcNow", "Workflow.UtcNow"));
    }

    [Fact]
    public Task Initializers_of_a_type_the_workflow_creates_are_followed_through_its_constructor()
    {
        return VerifyAsync("""
            public record Envelope
            {
                public Guid Id { get; init; } = Guid.NewGuid();
            }

            public class Stamped
            {
                public readonly DateTime At = DateTime.UtcNow;
            }

            public sealed class Letter : Stamped
            {
                public Letter(string text) => Text = text;

                public string Text { get; }
            }

            public sealed class Postcard : Stamped
            {
                public string Text { get; init; } = "hi";
            }

            [Workflow]
            public class Mailer
            {
                [WorkflowRun]
                public Task<string> RunAsync() => Task.FromResult({|#0:new Envelope()|}.Id + {|#1:new Letter("hi")|}.Text + {|#2:new Postcard()|}.Text);
            }
            """,
            Diagnostic("SAGA102").WithLocation(0).WithArguments("new Envelope → Guid.NewGuid", "Workflow.NewGuid()"),
            Diagnostic("SAGA101").WithLocation(1).WithArguments("new Letter → new Stamped → DateTime.UtcNow", "Workflow.UtcNow"),
            Diagnostic("SAGA101").WithLocation(2).WithArguments("new Postcard → new Stamped → DateTime.UtcNow", "Workflow.UtcNow"));
    }

    [Fact]
    public Task A_static_helper_of_the_workflow_class_that_only_clients_call_is_not_workflow_code()
    {
        return VerifyAsync("""
            [Workflow]
            public class Reminder
            {
                /// <summary>What a client starts the workflow with: it never runs in the workflow.</summary>
                public static Temporalio.Client.WorkflowOptions StartOptions(string queue) => new($"reminder-{Guid.NewGuid()}", queue);

                public static string Describe() => Stamp();

                private static string Stamp() => DateTime.UtcNow.ToString("O");

                [WorkflowRun]
                public Task<string> RunAsync() => Task.FromResult(Label());

                private static string Label() => {|#0:DateTime.UtcNow|}.ToString("O");
            }
            """,
            Diagnostic("SAGA101").WithLocation(0).WithArguments("DateTime.UtcNow", "Workflow.UtcNow"));
    }

    [Fact]
    public Task Each_rule_and_fix_a_helper_reaches_is_reported_once_at_the_call()
    {
        return VerifyAsync("""
            public static class Timing
            {
                public static TimeSpan Measure()
                {
                    var started = DateTime.UtcNow;
                    var again = DateTime.UtcNow;
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    return watch.Elapsed + (again - started);
                }
            }

            [Workflow]
            public class Timed
            {
                [WorkflowRun]
                public Task<TimeSpan> RunAsync() => Task.FromResult({|#0:Timing.Measure()|});
            }
            """,
            Diagnostic("SAGA101").WithLocation(0).WithArguments("Timing.Measure → DateTime.UtcNow", "Workflow.UtcNow"),
            Diagnostic("SAGA101").WithLocation(0).WithArguments("Timing.Measure → Stopwatch.StartNew", "differences of Workflow.UtcNow"));
    }

    [Fact]
    public Task The_line_in_the_helper_where_each_use_is_is_an_additional_location()
    {
        return VerifyAsync("""
            public static class Clock
            {
                public static DateTime Now => {|#1:DateTime.UtcNow|};
            }

            public interface IIds
            {
                Guid Next();
            }

            public sealed class RandomIds : IIds
            {
                public Guid Next() => {|#3:Guid.NewGuid()|};
            }

            public static class Stamps
            {
                public static string Make(IIds ids) => Clock.Now.ToString("O") + ids.Next();
            }

            [Workflow]
            public class Stamping
            {
                private readonly IIds ids = new RandomIds();

                [WorkflowRun]
                public Task<string> RunAsync() => Task.FromResult({|#0:Stamps.Make(ids)|} + {|#2:ids.Next()|});
            }
            """,
            Diagnostic("SAGA101").WithLocation(0).WithLocation(1).WithArguments("Stamps.Make → Clock.Now → DateTime.UtcNow", "Workflow.UtcNow"),
            Diagnostic("SAGA102").WithLocation(0).WithLocation(3).WithArguments("Stamps.Make → IIds.Next → RandomIds.Next → Guid.NewGuid", "Workflow.NewGuid()"),
            Diagnostic("SAGA102").WithLocation(2).WithLocation(3).WithArguments("IIds.Next → RandomIds.Next → Guid.NewGuid", "Workflow.NewGuid()"));
    }
}
