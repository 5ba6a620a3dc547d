using System.Globalization;
using ScottPlot;

namespace DeepDive.Simulation;

/// <summary>
/// Draws each auditor's workload per month as a heat map (one row per auditor, one column per month, the number
/// of tasks in each cell) beside the busiest auditor's load against the typical monthly capacity.
/// </summary>
public static class WorkloadChart
{
    public static void SavePng(ProgrammePreview preview, string path, string title)
    {
        var months = preview.Months.Select(m => m.Start.ToString("MMM yy", CultureInfo.InvariantCulture)).ToArray();
        var auditors = preview.Workload.Take(40).ToList();
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        var heat = multiplot.GetPlot(0);
        var busiest = multiplot.GetPlot(1);

        var cells = new double[Math.Max(1, auditors.Count), Math.Max(1, months.Length)];
        for (var row = 0; row < auditors.Count; row++)
        {
            for (var column = 0; column < months.Length; column++)
            {
                cells[row, column] = auditors[row].TasksPerMonth[column];
            }
        }

        var map = heat.Add.Heatmap(cells);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        heat.Add.ColorBar(map).Label = "tasks given in the month";
        heat.Title($"{title}: tasks per auditor per month" + (preview.Workload.Count > auditors.Count ? $" (busiest {auditors.Count} of {preview.Workload.Count})" : ""));
        heat.Axes.Bottom.SetTicks(Enumerable.Range(0, months.Length).Select(i => (double)i).ToArray(), months);
        heat.Axes.Left.SetTicks(Enumerable.Range(0, auditors.Count).Select(i => (double)(auditors.Count - 1 - i)).ToArray(),
            auditors.Select(a => a.AuditorId).ToArray());
        heat.Axes.Left.TickLabelStyle.FontSize = 9;

        var peak = Enumerable.Range(0, months.Length).Select(i => (double)preview.Workload.Select(a => a.TasksPerMonth[i]).DefaultIfEmpty(0).Max()).ToArray();
        var total = Enumerable.Range(0, months.Length).Select(i => (double)preview.Months[i].TasksOpened).ToArray();
        var capacity = preview.Workload.Count == 0 ? 0 : preview.Workload.Select(a => a.MonthlyCapacity).Order().ElementAt(preview.Workload.Count / 2);
        var positions = Enumerable.Range(0, months.Length).Select(i => (double)i).ToArray();
        var bars = busiest.Add.Bars(positions, total);
        bars.LegendText = "tasks opened (all auditors)";
        busiest.Axes.Right.Label.Text = "";
        var line = busiest.Add.Scatter(positions, peak);
        line.LegendText = "busiest auditor";
        line.LineWidth = 2;
        var limit = busiest.Add.HorizontalLine(capacity);
        limit.LegendText = $"typical monthly capacity ({capacity})";
        limit.LinePattern = LinePattern.Dashed;
        busiest.Axes.Bottom.SetTicks(positions, months);
        busiest.Title("Tasks per month, and the busiest auditor against capacity");
        busiest.ShowLegend(Alignment.UpperLeft);

        multiplot.Layout = new ScottPlot.MultiplotLayouts.DraggableRows();
        multiplot.SavePng(path, 1400, 1400);
    }
}
