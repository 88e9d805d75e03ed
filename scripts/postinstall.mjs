console.log("[fieldtune] postinstall placeholder")
