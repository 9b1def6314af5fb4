// electron-builder afterPack hook: flips the Electron fuses of the packaged binary (before signing).
//
//   RunAsNode false                             ELECTRON_RUN_AS_NODE cannot turn the app into plain Node
//   EnableCookieEncryption true                 cookies on disk are encrypted with the OS key store
//   EnableNodeOptionsEnvironmentVariable false  NODE_OPTIONS is ignored
//   EnableNodeCliInspectArguments false         --inspect and friends are ignored
//   EnableEmbeddedAsarIntegrityValidation true  app.asar is checked against its embedded hash
//   OnlyLoadAppFromAsar true                    the app is loaded from app.asar only
//
// @electron/fuses is an ES module, hence the dynamic import.
const path = require('node:path');

/** The fuse settings, by FuseV1Options name. */
const FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
});

/** The packaged Electron executable (the .app bundle on macOS). */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const config = { version: FuseVersion.V1 };
  for (const [name, value] of Object.entries(FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`Unknown Electron fuse: ${name}`);
    config[FuseV1Options[name]] = value;
  }
  // arm64 macOS binaries need their ad-hoc signature redone after the binary changes.
  const arm64 = context.arch === 3 || context.arch === 'arm64'; // builder-util Arch.arm64 === 3
  if (context.electronPlatformName === 'darwin' && arm64) config.resetAdHocDarwinSignature = true;
  const binary = electronBinaryPath(context);
  await flipFuses(binary, config);
  console.log(`  • flipped Electron fuses on ${path.basename(binary)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
