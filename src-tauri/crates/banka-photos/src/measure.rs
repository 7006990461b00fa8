//! The measurements the checks are built from, on 8-bit pictures: brightness, clipping,
//! sharpness (variance of the Laplacian), colourfulness (Hasler–Süsstrunk), bright blobs and
//! where the detail is. Each is a plain function of pixels, so the thresholds live in the checks.

use fast_image_resize::{self as fr, FilterType, ResizeAlg, ResizeOptions};
use image::{GrayImage, RgbImage};
use serde::Serialize;

/// A rectangle in pixels.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    pub fn centre_x(&self) -> f32 {
        self.x + self.width / 2.0
    }

    pub fn scaled(&self, by: f32) -> Rect {
        Rect { x: self.x * by, y: self.y * by, width: self.width * by, height: self.height * by }
    }

    /// Whole pixel bounds clipped to a `w`×`h` picture: (x0, y0, x1, y1), maybe empty.
    fn bounds(&self, w: u32, h: u32) -> (u32, u32, u32, u32) {
        let clip = |v: f32, max: u32| (v.round().max(0.0) as u32).min(max);
        (clip(self.x, w), clip(self.y, h), clip(self.x + self.width, w), clip(self.y + self.height, h))
    }

    /// The whole pixels inside, clipped to a `w`×`h` picture.
    pub fn pixels(&self, w: u32, h: u32) -> impl Iterator<Item = (u32, u32)> {
        let (x0, y0, x1, y1) = self.bounds(w, h);
        (y0..y1).flat_map(move |y| (x0..x1).map(move |x| (x, y)))
    }

    pub fn whole(w: u32, h: u32) -> Rect {
        Rect { x: 0.0, y: 0.0, width: w as f32, height: h as f32 }
    }
}

/// BT.601 luma, as JPEG stores it.
pub fn luma(rgb: &RgbImage) -> GrayImage {
    GrayImage::from_fn(rgb.width(), rgb.height(), |x, y| {
        let p = rgb.get_pixel(x, y).0;
        image::Luma([((299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2]) + 500) / 1000) as u8])
    })
}

/// A smaller copy: `Lanczos3` for pictures people see, super-sampled box for measuring.
pub fn resize(rgb: &RgbImage, width: u32, height: u32, for_people: bool) -> RgbImage {
    if (width, height) == rgb.dimensions() {
        return rgb.clone();
    }
    let mut out = RgbImage::new(width.max(1), height.max(1));
    let alg = if for_people {
        ResizeAlg::Convolution(FilterType::Lanczos3)
    } else {
        ResizeAlg::SuperSampling(FilterType::Bilinear, 2)
    };
    fr::Resizer::new()
        .resize(rgb, &mut out, &ResizeOptions::new().resize_alg(alg))
        .expect("RGB8 to RGB8 of non-zero size");
    out
}

/// Mean and standard deviation of the pixels inside `r`; `None` when `r` holds no pixel.
pub fn mean_and_spread(gray: &GrayImage, r: Rect) -> Option<(f32, f32)> {
    let (mut n, mut sum, mut sum2) = (0u64, 0u64, 0u64);
    for (x, y) in r.pixels(gray.width(), gray.height()) {
        let v = u64::from(gray[(x, y)][0]);
        n += 1;
        sum += v;
        sum2 += v * v;
    }
    (n > 0).then(|| {
        let mean = sum as f64 / n as f64;
        (mean as f32, (sum2 as f64 / n as f64 - mean * mean).max(0.0).sqrt() as f32)
    })
}

pub fn mean(gray: &GrayImage, r: Rect) -> Option<f32> {
    mean_and_spread(gray, r).map(|(m, _)| m)
}

/// Share of the pixels inside `r` at or above `level` (blown highlights at 250).
pub fn share_at_least(gray: &GrayImage, r: Rect, level: u8) -> f32 {
    let (mut n, mut hits) = (0u32, 0u32);
    for (x, y) in r.pixels(gray.width(), gray.height()) {
        n += 1;
        hits += u32::from(gray[(x, y)][0] >= level);
    }
    if n == 0 {
        0.0
    } else {
        hits as f32 / n as f32
    }
}

/// Variance of the 4-neighbour Laplacian inside `r`: low when nothing in it is sharp. The
/// figure depends on the scale, so callers measure at a normalised size.
pub fn laplacian_variance(gray: &GrayImage, r: Rect) -> f32 {
    let (x0, y0, x1, y1) = r.bounds(gray.width(), gray.height());
    let (x0, y0, x1, y1) =
        (x0.max(1), y0.max(1), x1.min(gray.width().saturating_sub(1)), y1.min(gray.height().saturating_sub(1)));
    let (mut n, mut sum, mut sum2) = (0f64, 0f64, 0f64);
    for y in y0..y1 {
        for x in x0..x1 {
            let p = |dx: i32, dy: i32| f64::from(gray[((x as i32 + dx) as u32, (y as i32 + dy) as u32)][0]);
            let l = p(-1, 0) + p(1, 0) + p(0, -1) + p(0, 1) - 4.0 * p(0, 0);
            n += 1.0;
            sum += l;
            sum2 += l * l;
        }
    }
    if n == 0.0 {
        return 0.0;
    }
    ((sum2 / n) - (sum / n).powi(2)) as f32
}

/// Hasler and Süsstrunk's colourfulness inside `r`: about 0 for grey, above 15 for ordinary
/// colour photos.
pub fn colourfulness(rgb: &RgbImage, r: Rect) -> f32 {
    let (mut n, mut s_rg, mut s_yb, mut q_rg, mut q_yb) = (0f64, 0f64, 0f64, 0f64, 0f64);
    for (x, y) in r.pixels(rgb.width(), rgb.height()) {
        let [red, green, blue] = rgb[(x, y)].0.map(f64::from);
        let (rg, yb) = (red - green, 0.5 * (red + green) - blue);
        n += 1.0;
        s_rg += rg;
        s_yb += yb;
        q_rg += rg * rg;
        q_yb += yb * yb;
    }
    if n == 0.0 {
        return 0.0;
    }
    let (m_rg, m_yb) = (s_rg / n, s_yb / n);
    let (v_rg, v_yb) = ((q_rg / n - m_rg * m_rg).max(0.0), (q_yb / n - m_yb * m_yb).max(0.0));
    ((v_rg + v_yb).sqrt() + 0.3 * (m_rg * m_rg + m_yb * m_yb).sqrt()) as f32
}

/// The largest connected patch of pixels at or above `level` that does not touch the edge of
/// the picture (a scanner's white margin does; a reflection on a card does not), as a box and
/// its share of the picture.
pub fn largest_bright_blob(gray: &GrayImage, level: u8) -> Option<(Rect, f32)> {
    let (w, h) = (gray.width() as usize, gray.height() as usize);
    let mut seen = vec![false; w * h];
    let mut best: Option<(Rect, usize)> = None;
    let mut stack = Vec::new();
    for start in 0..w * h {
        if seen[start] || gray.as_raw()[start] < level {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let (mut count, mut touches_edge) = (0usize, false);
        let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            count += 1;
            touches_edge |= x == 0 || y == 0 || x == w - 1 || y == h - 1;
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            let neighbours = [
                (x > 0).then(|| i - 1),
                (x + 1 < w).then(|| i + 1),
                (y > 0).then(|| i - w),
                (y + 1 < h).then(|| i + w),
            ];
            for j in neighbours.into_iter().flatten() {
                if !seen[j] && gray.as_raw()[j] >= level {
                    seen[j] = true;
                    stack.push(j);
                }
            }
        }
        if !touches_edge && best.as_ref().is_none_or(|b| count > b.1) {
            let r = Rect { x: x0 as f32, y: y0 as f32, width: (x1 - x0 + 1) as f32, height: (y1 - y0 + 1) as f32 };
            best = Some((r, count));
        }
    }
    best.map(|(r, count)| (r, count as f32 / (w * h) as f32))
}

/// Where the detail is: the box holding the middle 96% (by position) of the pixels with a
/// strong gradient. A document photographed from close fills most of the frame.
pub fn detail_box(gray: &GrayImage) -> Option<Rect> {
    let (w, h) = gray.dimensions();
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for y in 1..h.saturating_sub(1) {
        for x in 1..w.saturating_sub(1) {
            let p = |x: u32, y: u32| i32::from(gray[(x, y)][0]);
            let g = (p(x + 1, y) - p(x - 1, y)).abs() + (p(x, y + 1) - p(x, y - 1)).abs();
            if g > 48 {
                xs.push(x);
                ys.push(y);
            }
        }
    }
    if xs.len() < 50 {
        return None;
    }
    xs.sort_unstable();
    ys.sort_unstable();
    let at = |v: &[u32], q: f32| v[((v.len() - 1) as f32 * q) as usize] as f32;
    let (x0, x1, y0, y1) = (at(&xs, 0.02), at(&xs, 0.98), at(&ys, 0.02), at(&ys, 0.98));
    Some(Rect { x: x0, y: y0, width: (x1 - x0).max(1.0), height: (y1 - y0).max(1.0) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_pictures_have_no_detail_and_grey_has_no_colour() {
        let grey = RgbImage::from_pixel(40, 30, image::Rgb([128, 128, 128]));
        let g = luma(&grey);
        assert_eq!(laplacian_variance(&g, Rect::whole(40, 30)), 0.0);
        assert!(colourfulness(&grey, Rect::whole(40, 30)) < 0.01);
        assert_eq!(detail_box(&g), None);
        assert_eq!(mean(&g, Rect::whole(40, 30)), Some(128.0));
        assert_eq!(mean(&g, Rect { x: 50.0, y: 0.0, width: 3.0, height: 3.0 }), None);
    }

    #[test]
    fn a_bright_patch_inside_is_a_blob_but_a_bright_margin_is_not() {
        let mut g = GrayImage::from_pixel(100, 100, image::Luma([90]));
        for y in 0..100 {
            g[(0, y)] = image::Luma([255]);
        }
        for y in 40..50 {
            for x in 20..40 {
                g[(x, y)] = image::Luma([252]);
            }
        }
        let (r, share) = largest_bright_blob(&g, 250).expect("one blob");
        assert_eq!((r.x, r.y, r.width, r.height), (20.0, 40.0, 20.0, 10.0));
        assert!((share - 0.02).abs() < 1e-6);
        assert!((share_at_least(&g, Rect::whole(100, 100), 250) - 0.03).abs() < 1e-6);
    }
}
