//! `cargo run --features files --example pdf_debug -- file.pdf`: a PDF's structure as
//! `inspectPdf` sees it, with each page's content streams, for investigating a verdict.
fn main() {
    let path = std::env::args().nth(1).expect("a PDF path");
    let bytes = std::fs::read(&path).expect("readable");
    if let Ok(doc) = lopdf::Document::load_mem(&bytes) {
        for page in doc.page_iter() {
            for id in doc.get_page_contents(page) {
                match doc.get_object(id) {
                    Ok(lopdf::Object::Stream(s)) => println!(
                        "page {page:?} content {id:?}: raw {} bytes, compressed {}, decompressed {:?}",
                        s.content.len(),
                        s.is_compressed(),
                        s.decompressed_content().map(|d| d.len())
                    ),
                    other => println!("page {page:?} content {id:?}: {:?}", other.map(|o| o.enum_variant())),
                }
            }
        }
    }
    println!("{:#?}", prevalida::pdf::inspect_pdf(&bytes));
}
