using Lapor.Analytics.Api;
using Lapor.Analytics.Domain;
using Lapor.ServiceDefaults;

namespace Lapor.Analytics.Tests;

public sealed class LatencyAndCsvTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(3)]
    [InlineData(47.9)]
    [InlineData(168)]
    [InlineData(2000)]
    public void A_duration_reads_back_as_its_buckets_upper_bound_within_five_percent(double hours)
    {
        var read = Latency.Percentile([(Latency.Bucket(TimeSpan.FromHours(hours)), 1)], 0.5)!.Value;
        Assert.InRange(read, Math.Round(hours, 1), Math.Round(hours * 1.05 + 0.05, 1));
    }

    [Fact]
    public void Percentiles_are_nearest_rank_over_summed_bucket_counts()
    {
        var histogram = new[] { (Latency.Bucket(TimeSpan.FromHours(1)), 6L), (Latency.Bucket(TimeSpan.FromHours(100)), 4L) };
        Assert.Equal(1.0, Latency.Percentile(histogram, 0.5));  // rank 5 of 10
        Assert.Equal(103.5, Latency.Percentile(histogram, 0.9)); // rank 9 of 10: 100 h in the bucket up to 103.5 h
        Assert.Null(Latency.Percentile([], 0.5));
    }

    [Fact]
    public void Buckets_sort_as_text_in_the_order_of_their_durations()
    {
        var buckets = new[] { 0.01, 0.2, 1, 9, 10, 99, 1000, 9000 }.Select(h => Latency.Bucket(TimeSpan.FromHours(h))).ToList();
        Assert.Equal(buckets, buckets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Csv_has_a_header_and_neutralises_formulas()
    {
        var csv = CsvTable.Write(["agency", "received", "rating"], [["=HYPERLINK(\"x\")", 1L, null], ["35.78.dpupr", 2L, 4.5]]);
        var lines = csv.TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToArray();
        Assert.Equal("agency,received,rating", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",1,", lines[1]);
        Assert.Equal("\"35.78.dpupr\",2,4.5", lines[2]);
    }
}
