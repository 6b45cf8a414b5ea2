using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.PayloadVerifier;

namespace SagaDsl.Analyzers.Tests.Payloads;

/// <summary>
/// SAGA025 on each shape Temporal's default converter loses or cannot read, at the parameter or the
/// result that carries it, and silence on the look-alikes that do round-trip.
/// </summary>
public class PayloadRuleTests
{
    [Fact]
    public Task Types_that_are_not_data_are_reported_at_the_result_that_returns_them()
    {
        return VerifyAsync("""
            [Saga]
            public partial class ExportSaga
            {
                [SagaStep(1)] public {|SAGA025:(string Sku, int Quantity)|} Tuple(Order order) => default;
                [SagaStep(2)] public Task<{|SAGA025:Task|}> TaskOfTask(Order order) => Task.FromResult(Task.CompletedTask);
                [SagaStep(3)] public {|SAGA025:IAsyncEnumerable<int>|} Stream(Order order) => throw new NotSupportedException();
                [SagaStep(4)] public Task<{|SAGA025:MemoryStream|}> File(Order order) => Task.FromResult(new MemoryStream());
                [SagaStep(5)] public {|SAGA025:Func<int>|} Callback(Order order) => () => 1;
                [SagaStep(6)] public {|SAGA025:Type|} Kind(Order order) => typeof(int);
                [SagaStep(7)] public {|SAGA025:InvalidOperationException|} Error(Order order) => new("x");
                [SagaStep(8)] public {|SAGA025:Stack<int>|} Pile(Order order) => new();
                [SagaStep(9)] public {|SAGA025:IReadOnlySet<int>|} Codes(Order order) => new HashSet<int>();
                [SagaStep(10)] public {|SAGA025:int[,]|} Grid(Order order) => new int[1, 1];
                [SagaStep(11)] public {|SAGA025:nint|} Handle(Order order) => 0;
                [SagaStep(12)] public {|SAGA025:IShape|} Shape(Order order) => null!;
                [SagaStep(13)] public {|SAGA025:Figure|} Figure(Order order) => null!;
            }

            public interface IShape { }
            public abstract class Figure { public int Sides { get; set; } }
            """);
    }

    [Fact]
    public Task Members_the_reader_cannot_fill_are_reported_with_their_path()
    {
        return VerifyAsync("""
            [Saga]
            public partial class CartSaga
            {
                [SagaStep(1)] public {|SAGA025:Fields|} PublicFields(Order order) => new();
                [SagaStep(2)] public {|SAGA025:PrivateSetter|} Setter(Order order) => new();
                [SagaStep(3)] public {|SAGA025:GetOnly|} Getter(Order order) => new("a");
                [SagaStep(4)] public {|SAGA025:TwoConstructors|} Constructors(Order order) => new("a");
                [SagaStep(5)] public {|SAGA025:Basket|} Nested(Order order) => new(new List<Line>());
                [SagaStep(6)] public {|SAGA025:ByLine|} Keys(Order order) => new();
                [SagaStep(7)] public {|SAGA025:CountedStruct|} Struct(Order order) => new(1);
                [SagaStep(8)] public {|SAGA025:Lines|} ReadOnlyCollection(Order order) => new();
            }

            public class Fields { public string? Note; }
            public class PrivateSetter { public string? Id { get; private set; } }
            public class GetOnly { public GetOnly() { } public GetOnly(string id) => Id = id; public string? Id { get; } }
            public class TwoConstructors { public TwoConstructors(string id) => Id = id; public TwoConstructors(int id) => Id = ""; public string Id { get; } }
            public record Basket(List<Line> Lines);
            public record Line((string Sku, int Quantity) Item);
            public class ByLine { public Dictionary<Order, int> Quantities { get; set; } = new(); }
            public struct CountedStruct { public CountedStruct(int count) => Count = count; public int Count { get; } }
            public class Lines { public List<string> Items { get; } = new(); }
            """);
    }

    [Fact]
    public Task Parameters_and_compensation_results_are_checked_and_each_type_reported_once_per_saga()
    {
        return VerifyAsync("""
            [Saga]
            public partial class RefundSaga
            {
                [SagaStep(1)]
                [CompensatedBy(nameof(Undo))]
                public void Charge(Order order, {|SAGA025:IPayment|} payment, StepContext context, CancellationToken cancellationToken) { }

                [SagaStep(2)] public void Notify(Order order, IPayment payment) { }

                public {|SAGA025:Stack<string>|} Undo(Order order) => new();
            }

            public interface IPayment { }
            """);
    }

    [Fact]
    public Task Shapes_that_round_trip_are_not_reported()
    {
        return VerifyAsync("""
            [Saga]
            public partial class FineSaga
            {
                [SagaStep(1)] public Task<Receipt> Record(Order order) => Task.FromResult(new Receipt("r", 1, DateTimeOffset.UnixEpoch, Kind.Card));
                [SagaStep(2)] public Settable Mutable(Order order) => new();
                [SagaStep(3)] public Computed Derived(Order order) => new();
                [SagaStep(4)] public Matched Constructed(Order order) => new("a");
                [SagaStep(5)] public Included Attributed(Order order) => new();
                [SagaStep(6)] public Point Value(Order order) => default;
                [SagaStep(7)] public Dictionary<Guid, List<Receipt>> ByKey(Order order) => new();
                [SagaStep(8)] public IReadOnlyList<int?> Numbers(Order order) => new List<int?>();
                [SagaStep(9)] public byte[] Bytes(Order order) => new byte[1];
                [SagaStep(10)] public Tuple<string, int> OldTuple(Order order) => Tuple.Create("a", 1);
                [SagaStep(11)] public Polymorphic Shape(Order order) => new Square();
                [SagaStep(12)] public Converted Custom(Order order) => new();
                [SagaStep(13)] public Uri Link(Order order) => new("http://x");
                [SagaStep(14)] public Node Tree(Order order) => new();
                [SagaStep(15)] public ValueTask<Dictionary<Kind, string>> Names(Order order) => default;
                [SagaStep(16)] public object Anything(Order order) => 1;
                [SagaStep(17)] public Task Done(Order order) => Task.CompletedTask;
                [SagaStep(18)] public Page<Receipt> Paged(Order order) => new();
            }

            public enum Kind { Card, Bank }
            public sealed record Receipt(string Id, decimal Amount, DateTimeOffset At, Kind Kind);
            public class Settable { public string? Id { get; set; } public List<string> Tags { get; set; } = new(); public string? Code { get; init; } }
            public class Computed { public int A { get; set; } public int Twice => A * 2; public int Thrice { get { return A * 3; } } }
            public class Matched { public Matched(string id) => Id = id; public string Id { get; } }
            public class Included { [JsonInclude] public string? Note; [JsonInclude] public string? Id { get; private set; } [JsonIgnore] public string? Secret; public const int Version = 1; public static int Shared; }
            public readonly record struct Point(int X, int Y);
            [JsonDerivedType(typeof(Square), "square")] public abstract class Polymorphic { }
            public sealed class Square : Polymorphic { }
            [JsonConverter(typeof(ConvertedConverter))] public class Converted { public string? Hidden; }
            public sealed class ConvertedConverter : JsonConverter<Converted>
            {
                public override Converted Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => new();
                public override void Write(System.Text.Json.Utf8JsonWriter writer, Converted value, System.Text.Json.JsonSerializerOptions options) => writer.WriteNullValue();
            }
            public class Node { public string? Name { get; set; } public List<Node> Children { get; set; } = new(); }
            public class Page<T> { public List<T> Items { get; set; } = new(); public int Total { get; set; } }
            """);
    }
}
