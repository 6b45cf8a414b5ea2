namespace Corpus;

using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Temporalio.Activities;

public record Invoice(string Id, decimal Amount);

public record ShipmentStatus(string Id, bool Delivered);

/// <summary>Activities do I/O, read clocks and make ids: none of it is workflow code.</summary>
public class Activities
{
    private static readonly HttpClient Http = new();

    [Activity]
    public async Task<ShipmentStatus> CheckShipmentAsync(string id)
    {
        var body = await Http.GetStringAsync(new Uri("http://localhost/shipments/" + id));
        return new ShipmentStatus(id, body.Contains("delivered", StringComparison.Ordinal));
    }

    [Activity]
    public Task<Invoice> CreateInvoiceAsync(string customer, decimal amount) =>
        Task.FromResult(new Invoice(customer + "-" + Guid.NewGuid(), amount));

    [Activity]
    public Task CancelInvoiceAsync(Invoice invoice) => File.AppendAllTextAsync("cancelled.txt", invoice.Id + DateTime.UtcNow);

    [Activity]
    public void SendEmail(string to, string text) => Console.WriteLine($"{DateTime.Now}: {to}: {text}");

    [Activity]
    public static string Normalize(string text) => text.Trim().ToUpperInvariant();

    [Activity]
    public static int Score(IReadOnlyList<int> values) => values.Count == 0 ? 0 : values[Random.Shared.Next(values.Count)];
}
