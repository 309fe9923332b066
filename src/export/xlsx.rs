//! Excel competency matrices and calibration workbooks (rust_xlsxwriter). To be written.
