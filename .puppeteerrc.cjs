// Never download a browser at install time: rapport drives the system Chromium
// (Debian package `chromium`), found at run time by src/pdf/.
module.exports = { skipDownload: true };
