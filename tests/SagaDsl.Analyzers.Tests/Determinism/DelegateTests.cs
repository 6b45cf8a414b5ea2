using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>
/// Delegates: a method group is a call made later, and a delegate a helper keeps in a field or property
/// runs whatever its type put there, so both are followed.
/// </summary>
public class DelegateTests
{
    [Fact]
    public Task A_method_group_of_a_forbidden_api_or_of_a_helper_that_reaches_one_is_reported()
    {
        return VerifyAsync("""
            public static class Stamps
            {
                public static string Of(int item) => item + "@" + DateTime.UtcNow.Ticks;
            }

            [Workflow]
            public class Orders
            {
                private readonly Func<Guid> ids;

                public Orders() { ids = {|SAGA102:Guid.NewGuid|}; }

                [WorkflowRun]
                public Task<string> RunAsync(List<int> items) => Task.FromResult(ids() + string.Join(",", items.ConvertAll({|#0:Stamps.Of|})));
            }
            """,
            Diagnostic("SAGA101").WithLocation(0).WithArguments("Stamps.Of → DateTime.UtcNow", "Workflow.UtcNow"));
    }

    [Fact]
    public Task A_delegate_a_helper_keeps_in_a_field_or_property_is_followed_into_what_was_put_there()
    {
        return VerifyAsync("""
            public static class Clocks
            {
                public static readonly Func<DateTime> Now = () => DateTime.UtcNow;

                public static Func<Guid> NewId { get; } = Guid.NewGuid;
            }

            public sealed class Ticker
            {
                private readonly Func<long> ticks;

                public Ticker(bool fast) => ticks = fast ? () => 0 : Read;

                private static long Read() => Environment.TickCount64;

                public long Next() => ticks();
            }

            [Workflow]
            public class Orders
            {
                private readonly Ticker ticker = {|#2:new Ticker(false)|};

                [WorkflowRun]
                public Task<string> RunAsync() => Task.FromResult($"{{|#0:Clocks.Now()|}} {{|#1:Clocks.NewId()|}} {{|#3:ticker.Next()|}}");
            }
            """,
            Diagnostic("SAGA101").WithLocation(0).WithArguments("Clocks.Now → DateTime.UtcNow", "Workflow.UtcNow"),
            Diagnostic("SAGA102").WithLocation(1).WithArguments("Clocks.NewId → Guid.NewGuid", "Workflow.NewGuid()"),
            Diagnostic("SAGA101").WithLocation(2).WithArguments("new Ticker → Ticker.Read → Environment.TickCount64", "Workflow.UtcNow"),
            Diagnostic("SAGA101").WithLocation(3).WithArguments("Ticker.Next → Ticker.ticks → Ticker.Read → Environment.TickCount64", "Workflow.UtcNow"));
    }

    [Fact]
    public Task Delegates_holding_the_workflow_api_and_a_same_named_member_of_another_type_are_not_reported()
    {
        return VerifyAsync("""
            public sealed class Settings
            {
                public Func<DateTime> Now = () => Workflow.UtcNow;
            }

            public sealed class Wall
            {
                public Func<DateTime> Now = () => default;

                public void Reset(Settings settings) => settings.Now = () => Workflow.UtcNow;

                public void Spoil() => Now = () => DateTime.UtcNow;
            }

            public static class Ids
            {
                public static readonly Func<Guid> Next = Workflow.NewGuid;

                public static T Apply<T>(Func<T> make) => make();
            }

            [Workflow]
            public class Orders
            {
                private readonly Settings settings = new();

                [WorkflowRun]
                public Task<string> RunAsync() => Task.FromResult($"{settings.Now()} {Ids.Next()} {Ids.Apply(() => Workflow.Random.Next())}");
            }
            """);
    }

    [Fact]
    public Task A_local_function_used_as_a_method_group_is_reported_once_where_its_use_is()
    {
        return VerifyAsync("""
            [Workflow]
            public class Orders
            {
                [WorkflowRun]
                public Task<DateTime> RunAsync()
                {
                    Func<DateTime> read = Read;
                    return Task.FromResult(read());

                    DateTime Read() => {|SAGA101:DateTime.UtcNow|};
                }
            }
            """);
    }
}
