using System.Linq;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Generator.Tests;

/// <summary>The saga definition names every result type the way <c>typeof</c> accepts it.</summary>
public class DefinitionGenerationTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Shapes;

        public sealed record Box(string Id);

        [Saga]
        public sealed partial class ShapeSaga
        {
            [SagaStep(1)] public Task<string?> Text(Box box) => Task.FromResult<string?>(box.Id);
            [SagaStep(2)] public Task<int?> Count() => Task.FromResult<int?>(1);
            [SagaStep(3)] public Task<(int Left, string? Right)> Pair() => Task.FromResult<(int, string?)>((1, null));
            [SagaStep(4)] public Task<dynamic> Anything() => Task.FromResult<dynamic>(1);
            [SagaStep(5)] public Task<System.Collections.Generic.List<Box?>> Boxes() => Task.FromResult(new System.Collections.Generic.List<Box?>());
        }
        """;

    [Fact]
    public void Nullable_tuple_and_dynamic_results_become_runtime_types_and_compile()
    {
        var run = GeneratorRun.Run(Source);
        var workflow = run.Sources.Single().Text;

        Assert.Empty(run.Problems.Select(problem => problem.ToString()));
        Assert.Contains("InputType: typeof(global::Shapes.Box),", workflow, System.StringComparison.Ordinal);
        Assert.Contains("ResultType: typeof(string),", workflow, System.StringComparison.Ordinal);
        Assert.Contains("ResultType: typeof(int?),", workflow, System.StringComparison.Ordinal);
        Assert.Contains("ResultType: typeof((int Left, string Right)),", workflow, System.StringComparison.Ordinal);
        Assert.Contains("ResultType: typeof(global::System.Object),", workflow, System.StringComparison.Ordinal);
        Assert.Contains("ResultType: typeof(global::System.Collections.Generic.List<global::Shapes.Box>),", workflow, System.StringComparison.Ordinal);
    }
}
