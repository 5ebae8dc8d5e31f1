package io.nernst.models.deposition;

import io.nernst.core.output.AtomicFiles;
import io.nernst.solvers.grid.CartesianGrid2D;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Heat map of a cell field as a PNG: the field in a perceptually uniform colour map (viridis),
 * axes in micrometres, a colour bar with the value range and unit, and optionally the interface
 * (0.5 contour of the level set) drawn in white. Rendered pixel by pixel into a
 * {@link BufferedImage} (an XChart heat map would create one object per cell, far too slow for
 * 512 x 512 fields); written atomically.
 */
public final class FieldImage {
    /** Viridis control points (matplotlib's colour map sampled at 9 equally spaced values). */
    private static final int[][] VIRIDIS = {
        {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
        {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};
    private static final int LEFT = 72;
    private static final int RIGHT = 110;
    private static final int TOP = 34;
    private static final int BOTTOM = 48;
    private static final Color MASKED = new Color(200, 200, 200);

    private FieldImage() {
    }

    /**
     * Renders a field.
     *
     * @param grid     the grid (x periodic, y up)
     * @param field    cell values
     * @param mask     cells to show, or null for all (hidden cells are grey)
     * @param levelSet level set whose 0.5 contour is drawn, or null
     * @param title    title line
     * @param unit     unit of the colour bar
     * @return the image
     */
    public static BufferedImage render(CartesianGrid2D grid, double[] field, boolean[] mask, double[] levelSet, String title,
                                       String unit) {
        int nx = grid.nx();
        int ny = grid.ny();
        int scale = Math.max(1, Math.min(8, 640 / Math.max(nx, ny)));
        int plotW = nx * scale;
        int plotH = ny * scale;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        int titleWidth = pg.getFontMetrics(font).stringWidth(title);
        pg.dispose();
        // wide enough for the title on tall, narrow domains
        int width = Math.max(LEFT + plotW + RIGHT, LEFT + 40 + titleWidth + 12);
        int height = TOP + plotH + BOTTOM;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < field.length; k++) {
            if ((mask == null || mask[k]) && Double.isFinite(field[k])) {
                min = Math.min(min, field[k]);
                max = Math.max(max, field[k]);
            }
        }
        if (!(min <= max)) {
            min = 0.0;
            max = 1.0;
        }
        if (max - min <= 1e-12 * Math.max(Math.abs(max), 1e-300)) {
            double pad = Math.max(Math.abs(max) * 1e-6, 1e-12);
            min -= pad;
            max += pad;
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int j = 0; j < ny; j++) {
            int py = TOP + (ny - 1 - j) * scale;
            for (int i = 0; i < nx; i++) {
                int k = i + nx * j;
                int rgb = (mask == null || mask[k]) && Double.isFinite(field[k])
                        ? colour((field[k] - min) / (max - min)) : MASKED.getRGB();
                for (int a = 0; a < scale; a++) {
                    for (int b = 0; b < scale; b++) {
                        image.setRGB(LEFT + i * scale + a, py + b, rgb);
                    }
                }
            }
        }
        if (levelSet != null) {
            drawContour(image, grid, levelSet, scale);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT - 1, TOP - 1, plotW + 1, plotH + 1);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, LEFT + 40, TOP - 12);
        // Axes in micrometres.
        double widthUm = grid.width() * 1e6;
        double heightUm = grid.height() * 1e6;
        for (int t = 0; t <= 4; t++) {
            int px = LEFT + (int) Math.round(t * plotW / 4.0);
            String label = format(widthUm * t / 4.0);
            g.drawLine(px, TOP + plotH, px, TOP + plotH + 4);
            g.drawString(label, px - fm.stringWidth(label) / 2, TOP + plotH + 17);
            int py = TOP + plotH - (int) Math.round(t * plotH / 4.0);
            String yl = format(heightUm * t / 4.0);
            g.drawLine(LEFT - 4, py, LEFT, py);
            g.drawString(yl, LEFT - 7 - fm.stringWidth(yl), py + 4);
        }
        String xAxis = "x [um]";
        g.drawString(xAxis, LEFT + plotW / 2 - fm.stringWidth(xAxis) / 2, TOP + plotH + 36);
        g.drawString("y [um]", 4, TOP - 12 + 0 * plotH);
        // Colour bar.
        int barX = LEFT + plotW + 18;
        int barW = 16;
        for (int p = 0; p < plotH; p++) {
            g.setColor(new Color(colour(1.0 - p / (double) Math.max(plotH - 1, 1))));
            g.drawLine(barX, TOP + p, barX + barW, TOP + p);
        }
        g.setColor(Color.BLACK);
        g.drawRect(barX, TOP, barW, plotH);
        for (int t = 0; t <= 4; t++) {
            double v = max - t * (max - min) / 4.0;
            int py = TOP + (int) Math.round(t * (plotH - 1) / 4.0);
            g.drawLine(barX + barW, py, barX + barW + 3, py);
            g.drawString(format(v), barX + barW + 6, py + 4);
        }
        g.drawString(unit, barX, TOP + plotH + 17);
        g.dispose();
        return image;
    }

    /** White pixels where the 0.5 contour crosses between horizontally or vertically adjacent cells. */
    private static void drawContour(BufferedImage image, CartesianGrid2D grid, double[] phi, int scale) {
        int nx = grid.nx();
        int ny = grid.ny();
        int white = Color.WHITE.getRGB();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = i + nx * j;
                boolean below = phi[k] < 0.5;
                boolean crossX = i + 1 < nx && (phi[k + 1] < 0.5) != below;
                boolean crossY = j + 1 < ny && (phi[k + nx] < 0.5) != below;
                if (crossX || crossY) {
                    int px = LEFT + i * scale + scale / 2;
                    int py = TOP + (ny - 1 - j) * scale + scale / 2;
                    for (int a = -Math.max(scale / 4, 0); a <= Math.max(scale / 4, 0); a++) {
                        int x = Math.min(Math.max(px + a, LEFT), LEFT + nx * scale - 1);
                        image.setRGB(x, py, white);
                    }
                    if (crossY) {
                        image.setRGB(px, Math.max(py - scale / 2, TOP), white);
                    }
                }
            }
        }
    }

    /** Viridis colour of a value in [0, 1] (clamped). */
    static int colour(double t) {
        double u = Math.min(Math.max(t, 0.0), 1.0) * (VIRIDIS.length - 1);
        int a = Math.min((int) Math.floor(u), VIRIDIS.length - 2);
        double f = u - a;
        int r = (int) Math.round(VIRIDIS[a][0] + f * (VIRIDIS[a + 1][0] - VIRIDIS[a][0]));
        int gr = (int) Math.round(VIRIDIS[a][1] + f * (VIRIDIS[a + 1][1] - VIRIDIS[a][1]));
        int b = (int) Math.round(VIRIDIS[a][2] + f * (VIRIDIS[a + 1][2] - VIRIDIS[a][2]));
        return (r << 16) | (gr << 8) | b;
    }

    private static String format(double v) {
        double a = Math.abs(v);
        if (a == 0.0) {
            return "0";
        }
        if (a >= 1e4 || a < 1e-2) {
            return String.format(java.util.Locale.ROOT, "%.3g", v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        if (s.indexOf('.') >= 0 && s.indexOf('e') < 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /**
     * Renders and writes atomically.
     *
     * @param file target PNG
     */
    public static void write(Path file, CartesianGrid2D grid, double[] field, boolean[] mask, double[] levelSet, String title,
                             String unit) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage image = render(grid, field, mask, levelSet, title, unit);
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }
}
