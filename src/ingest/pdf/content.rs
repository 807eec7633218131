//! Runs a page's content stream far enough to know where each piece of text is drawn: the
//! graphics state's matrix (`q`, `Q`, `cm`), the text state (`BT`, `Tf`, `Td`, `TD`, `Tm`,
//! `T*`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`) and the text shown (`Tj`, `TJ`, `'`, `"`), inside form
//! XObjects too (`Do`). Everything else is skipped.

use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};
use rustc_hash::FxHashMap;

use super::fonts::{is_unreadable, Font, Glyph};
use super::Inflate;
use crate::ingest::layout::Run;

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
/// Form XObjects drawn inside form XObjects, at most this deep.
const MAX_FORM_DEPTH: u8 = 8;

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(tx: f32, ty: f32, m: &Matrix) -> Matrix {
    mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], m)
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

fn nums<const N: usize>(operands: &[Object]) -> Option<[f32; N]> {
    (operands.len() >= N).then(|| std::array::from_fn(|i| num(&operands[i])))
}

/// The resource dictionaries in force (a page's, or a form's).
#[derive(Clone, Default)]
pub struct Resources<'a> {
    pub dicts: Vec<&'a Dictionary>,
}

impl<'a> Resources<'a> {
    fn get(
        &self,
        doc: &'a Document,
        category: &[u8],
        name: &[u8],
    ) -> Option<(Option<lopdf::ObjectId>, &'a Object)> {
        self.dicts.iter().find_map(|d| {
            let cat = doc
                .dereference(d.get(category).ok()?)
                .ok()?
                .1
                .as_dict()
                .ok()?;
            doc.dereference(cat.get(name).ok()?).ok()
        })
    }
}

/// What a document's pages gave: the runs of the page being read, and counts over all pages.
pub struct Reader<'a> {
    pub doc: &'a Document,
    pub inflate: &'a mut Inflate,
    fonts: FxHashMap<usize, Rc<Font>>,
    /// Content operations still allowed for the whole document.
    pub ops_left: u64,
    pub runs: Vec<Run>,
    /// Runs drawn rotated or skewed (watermarks across the page, stamps): read only when a
    /// page has no other text (a page drawn turned as a whole).
    pub rotated: Vec<Run>,
    /// Glyphs shown (not counting spaces) and those without readable text.
    pub glyphs: usize,
    pub unmapped: usize,
    /// Images drawn (XObject images and inline images).
    pub images: usize,
    /// The page's top and left edge in default user space.
    pub top: f32,
    pub left: f32,
    scratch: Vec<Glyph>,
}

struct TextState {
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    tm: Matrix,
    tlm: Matrix,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            tm: IDENTITY,
            tlm: IDENTITY,
        }
    }
}

impl<'a> Reader<'a> {
    pub fn new(doc: &'a Document, inflate: &'a mut Inflate, ops_left: u64) -> Self {
        Reader {
            doc,
            inflate,
            fonts: FxHashMap::default(),
            ops_left,
            runs: Vec::new(),
            rotated: Vec::new(),
            glyphs: 0,
            unmapped: 0,
            images: 0,
            top: 0.0,
            left: 0.0,
            scratch: Vec::new(),
        }
    }

    /// Interprets one content stream with `resources`, under the matrix `ctm`.
    pub fn run(
        &mut self,
        content: &[u8],
        resources: &Resources<'a>,
        ctm: Matrix,
        depth: u8,
    ) -> Result<(), String> {
        let Ok(content) = Content::decode(content) else {
            // A content stream lopdf cannot parse: the page (or form) gives no text.
            return Ok(());
        };
        let mut ctm = ctm;
        let mut saved: Vec<Matrix> = Vec::new();
        let mut ts = TextState::default();
        let mut saved_text: Vec<(Option<Rc<Font>>, f32)> = Vec::new();
        for op in &content.operations {
            if self.ops_left == 0 {
                return Err(format!(
                    "the PDF draws more than {} operations (a hostile file, not a report); not read",
                    crate::limits::MAX_PDF_OPERATIONS
                ));
            }
            self.ops_left -= 1;
            if self.ops_left.trailing_zeros() >= 12 {
                crate::budget::check();
            }
            let o = &op.operands;
            match op.operator.as_str() {
                "q" if saved.len() < 256 => {
                    saved.push(ctm);
                    saved_text.push((ts.font.clone(), ts.size));
                }
                "Q" => {
                    if let Some(m) = saved.pop() {
                        ctm = m;
                    }
                    if let Some((f, s)) = saved_text.pop() {
                        ts.font = f;
                        ts.size = s;
                    }
                }
                "cm" => {
                    if let Some(m) = nums::<6>(o) {
                        ctm = mul(&m, &ctm);
                    }
                }
                "BT" => {
                    ts.tm = IDENTITY;
                    ts.tlm = IDENTITY;
                }
                "Tf" => {
                    if let (Some(Object::Name(name)), Some(size)) = (o.first(), o.get(1)) {
                        ts.font = self.font(resources, name)?;
                        ts.size = num(size);
                    }
                }
                "Tc" => ts.char_spacing = o.first().map_or(0.0, num),
                "Tw" => ts.word_spacing = o.first().map_or(0.0, num),
                "Tz" => ts.scale = o.first().map_or(100.0, num) / 100.0,
                "TL" => ts.leading = o.first().map_or(0.0, num),
                "Ts" => ts.rise = o.first().map_or(0.0, num),
                "Td" | "TD" => {
                    if let Some([tx, ty]) = nums::<2>(o) {
                        if op.operator == "TD" {
                            ts.leading = -ty;
                        }
                        ts.tlm = translate(tx, ty, &ts.tlm);
                        ts.tm = ts.tlm;
                    }
                }
                "Tm" => {
                    if let Some(m) = nums::<6>(o) {
                        ts.tlm = m;
                        ts.tm = m;
                    }
                }
                "T*" => {
                    ts.tlm = translate(0.0, -ts.leading, &ts.tlm);
                    ts.tm = ts.tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            if let Some([aw, ac]) = nums::<2>(o) {
                                ts.word_spacing = aw;
                                ts.char_spacing = ac;
                            }
                        }
                        ts.tlm = translate(0.0, -ts.leading, &ts.tlm);
                        ts.tm = ts.tlm;
                    }
                    if let Some(Object::String(bytes, _)) = o.last() {
                        self.show(
                            &mut ts,
                            &[Object::String(bytes.clone(), lopdf::StringFormat::Literal)],
                            &ctm,
                        );
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = o.first() {
                        self.show(&mut ts, items, &ctm);
                    }
                }
                "BI" | "ID" => self.images += 1,
                "Do" => {
                    if let Some(Object::Name(name)) = o.first() {
                        self.draw_xobject(resources, name, &ctm, depth)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn font(&mut self, resources: &Resources<'a>, name: &[u8]) -> Result<Option<Rc<Font>>, String> {
        let Some((id, obj)) = resources.get(self.doc, b"Font", name) else {
            return Ok(None);
        };
        let Ok(dict) = obj.as_dict() else {
            return Ok(None);
        };
        let key = id.map_or(dict as *const Dictionary as usize, |(n, g)| {
            ((n as usize) << 16) ^ g as usize
        });
        if let Some(f) = self.fonts.get(&key) {
            return Ok(Some(f.clone()));
        }
        let font = Rc::new(Font::from_dict(self.doc, dict, self.inflate)?);
        self.fonts.insert(key, font.clone());
        Ok(Some(font))
    }

    fn draw_xobject(
        &mut self,
        resources: &Resources<'a>,
        name: &[u8],
        ctm: &Matrix,
        depth: u8,
    ) -> Result<(), String> {
        let Some((_, Object::Stream(stream))) = resources.get(self.doc, b"XObject", name) else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.images += 1,
            Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                let matrix = match stream.dict.get(b"Matrix") {
                    Ok(Object::Array(a)) if a.len() == 6 => std::array::from_fn(|i| num(&a[i])),
                    _ => IDENTITY,
                };
                let content = self.inflate.stream(stream)?;
                let own = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|r| self.doc.dereference(r).ok())
                    .and_then(|(_, r)| r.as_dict().ok());
                let form_ctm = mul(&matrix, ctm);
                match own {
                    Some(d) => {
                        self.run(&content, &Resources { dicts: vec![d] }, form_ctm, depth + 1)?
                    }
                    None => self.run(&content, resources, form_ctm, depth + 1)?,
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Shows a string or a TJ array: one run, positioned by the text and graphics matrices.
    fn show(&mut self, ts: &mut TextState, items: &[Object], ctm: &Matrix) {
        let Some(font) = ts.font.clone() else {
            return;
        };
        let start = mul(&ts.tm, ctm);
        let mut text = String::new();
        for item in items {
            match item {
                Object::String(bytes, _) => {
                    self.scratch.clear();
                    font.decode(bytes, &mut self.scratch);
                    for g in &self.scratch {
                        match &g.text {
                            Some(t) if !t.chars().any(is_unreadable) => {
                                if !t.trim().is_empty() {
                                    self.glyphs += 1;
                                }
                                text.push_str(t);
                            }
                            _ => {
                                self.glyphs += 1;
                                self.unmapped += 1;
                            }
                        }
                        let spacing =
                            ts.char_spacing + if g.is_space { ts.word_spacing } else { 0.0 };
                        let tx = (g.width / 1000.0 * ts.size + spacing) * ts.scale;
                        ts.tm = translate(tx, 0.0, &ts.tm);
                    }
                }
                other => {
                    let tx = -num(other) / 1000.0 * ts.size * ts.scale;
                    ts.tm = translate(tx, 0.0, &ts.tm);
                }
            }
        }
        if text.is_empty() {
            return;
        }
        let end = mul(&ts.tm, ctm);
        let size = ts.size * (start[2] * start[2] + start[3] * start[3]).sqrt();
        let y = self.top - (start[5] + ts.rise * start[3]);
        let run = Run {
            x: start[4] - self.left,
            x_end: end[4] - self.left,
            y,
            size: size.abs().max(0.1),
            text,
        };
        let turned =
            start[1].abs() > 0.05 * start[0].abs() || start[2].abs() > 0.05 * start[3].abs();
        if turned {
            self.rotated.push(run);
        } else {
            self.runs.push(run);
        }
    }
}
