using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

public class RandomnessTests
{
    [Fact]
    public Task Random_values_in_workflow_code_are_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Lottery
            {
                [WorkflowRun]
                public Task<string> RunAsync()
                {
                    var id = {|SAGA102:Guid.NewGuid()|};
                    var dice = {|SAGA102:new Random()|}.Next(6);
                    var shared = {|SAGA102:Random.Shared|}.Next(6);
                    var bytes = {|SAGA102:System.Security.Cryptography.RandomNumberGenerator.GetInt32(10)|};
                    var name = {|SAGA102:System.IO.Path.GetRandomFileName()|};
                    return Task.FromResult($"{id}{dice}{shared}{bytes}{name}");
                }
            }
            """);
    }

    [Fact]
    public Task Seeded_random_and_workflow_randomness_are_not_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Lottery
            {
                [WorkflowRun]
                public Task<string> RunAsync()
                {
                    var seeded = new Random(42).Next(6);
                    var id = Workflow.NewGuid();
                    var parsed = Guid.Parse("2f0ba7b4-96c3-4d7e-8f2a-46b0f6c1b3a1");
                    var dice = Workflow.Random.Next(6);
                    return Task.FromResult($"{seeded}{id}{parsed}{dice}{Guid.Empty}");
                }
            }
            """);
    }
}
